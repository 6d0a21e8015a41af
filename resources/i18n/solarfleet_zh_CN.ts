<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/application.py" line="115"/>
        <source>Read-only: %1 is being written by %2 (process %3 on %4, since %5). Editing and running are disabled; reopen the file when it is closed there.</source>
        <translation>只读：%1 正由 %2 写入（%4 上的进程 %3，自 %5 起）。编辑和运行已停用；待对方关闭该文件后请重新打开。</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="122"/>
        <location filename="../../app/application.py" line="130"/>
        <source>Could not open the database.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="149"/>
        <source>Database in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="151"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="152"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="159"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="160"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="186"/>
        <source>A file of that name exists; choose File → Open to open it.</source>
        <translation>同名文件已存在；请用“文件 → 打开”打开它。</translation>
    </message>
</context>
<context>
    <name>ArrayEditor</name>
    <message>
        <location filename="../../widgets/array_editor.py" line="32"/>
        <source>Array</source>
        <translation>阵列</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="39"/>
        <source>PVWatts (nameplate power)</source>
        <translation>PVWatts（按铭牌功率）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="39"/>
        <source>CEC module database</source>
        <translation>CEC 组件库</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="40"/>
        <source>PVWatts (DC/AC ratio)</source>
        <translation>PVWatts（按容配比）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="40"/>
        <source>CEC inverter database</source>
        <translation>CEC 逆变器库</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="41"/>
        <source>Open rack</source>
        <translation>开放式支架</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="41"/>
        <source>Close mount</source>
        <translation>贴近屋面安装</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="42"/>
        <source>Insulated back</source>
        <translation>背面隔热安装</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="43"/>
        <source>Glass/polymer</source>
        <translation>玻璃/背板</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="43"/>
        <source>Glass/glass</source>
        <translation>双玻</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="46"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="47"/>
        <source>DC model</source>
        <translation>直流模型</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="48"/>
        <source>DC nameplate</source>
        <translation>直流装机容量</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>Temperature coefficient</source>
        <translation>功率温度系数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>Module</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Modules per string</source>
        <translation>每串组件数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="52"/>
        <source>Strings</source>
        <translation>组串数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Tilt</source>
        <translation>倾角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <source>Empty: the roof&apos;s pitch</source>
        <translation>留空：采用屋面坡度</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <source>(from roof)</source>
        <translation>（同屋面）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="55"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <source>Clockwise from north; empty: the roof&apos;s</source>
        <translation>自正北顺时针；留空：采用屋面朝向</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="57"/>
        <source>Ground coverage ratio</source>
        <translation>地面覆盖率（GCR）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="58"/>
        <source>Rows on a flat roof; empty for a single flush row</source>
        <translation>平屋面多排布置时填写；单排平铺留空</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="59"/>
        <source>(single row)</source>
        <translation>（单排）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="60"/>
        <source>Racking</source>
        <translation>安装方式</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="61"/>
        <source>Module construction</source>
        <translation>组件封装</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="63"/>
        <source>Albedo</source>
        <translation>地面反射率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="64"/>
        <source>Inverter model</source>
        <translation>逆变器模型</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="66"/>
        <source>DC/AC ratio</source>
        <translation>容配比</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="67"/>
        <source>Inverter efficiency</source>
        <translation>逆变器效率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <source>Inverter</source>
        <translation>逆变器</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="69"/>
        <source>Inverters</source>
        <translation>逆变器台数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>Degradation</source>
        <translation>年衰减率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="71"/>
        <source>Commissioned</source>
        <translation>并网日期</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="72"/>
        <source>Soiling, Jan…Dec</source>
        <translation>积灰损失（1–12 月）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Shading</source>
        <translation>阴影遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Snow</source>
        <translation>积雪</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Mismatch</source>
        <translation>失配</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="75"/>
        <source>DC wiring</source>
        <translation>直流线缆</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="75"/>
        <source>Connections</source>
        <translation>连接器</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Light-induced degradation</source>
        <translation>光致衰减（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Nameplate rating</source>
        <translation>铭牌偏差</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="77"/>
        <source>Availability</source>
        <translation>停机</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="78"/>
        <source>%1 loss</source>
        <translation>%1损失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="85"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="93"/>
        <source>Choose a module (CEC database)</source>
        <translation>选择组件（CEC 数据库）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="94"/>
        <source>STC power [W]</source>
        <translation>STC 功率 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="96"/>
        <source>Choose an inverter (CEC database)</source>
        <translation>选择逆变器（CEC 数据库）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="97"/>
        <source>AC rating [W]</source>
        <translation>额定交流功率 [W]</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="201"/>
        <source>Stale: inputs changed since the last run</source>
        <translation>已过期：上次计算后输入已修改</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="207"/>
        <source>Installed capacity</source>
        <translation>装机容量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="207"/>
        <source>Annual yield</source>
        <translation>年发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="208"/>
        <source>Specific yield</source>
        <translation>单位装机发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="208"/>
        <source>Performance ratio</source>
        <translation>系统效率 PR</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="209"/>
        <source>Self-consumption</source>
        <translation>自发自用率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="209"/>
        <source>Self-sufficiency</source>
        <translation>自给率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="210"/>
        <source>Savings</source>
        <translation>节省电费</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="210"/>
        <source>CO₂ avoided</source>
        <translation>CO₂ 减排量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="223"/>
        <source>Loss waterfall</source>
        <translation>损失瀑布图</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="251"/>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="251"/>
        <source>k CNY</source>
        <translation>千元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="253"/>
        <source>CNY</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>EquipmentPicker</name>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="68"/>
        <source>Search by maker or model, e.g. “jinko 340”</source>
        <translation>按厂家或型号搜索，例如“jinko 340”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/equipment_picker.py" line="100"/>
        <source>%n match(es) shown</source>
        <translation>
            <numerusform>显示 %n 条结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="34"/>
        <source>Power [W]</source>
        <translation>功率 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="34"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../app/errors.py" line="27"/>
        <source>SolarFleet – something went wrong</source>
        <translation>SolarFleet – 出现错误</translation>
    </message>
    <message>
        <location filename="../../app/errors.py" line="33"/>
        <source>SolarFleet is still running; nothing was lost. The details are also in the log file.</source>
        <translation>SolarFleet 仍在运行，数据未丢失。详细信息也已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/errors.py" line="39"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>FleetController</name>
    <message>
        <location filename="../../app/fleet_controller.py" line="141"/>
        <source>Edit park %1</source>
        <extracomment>A node of the fleet tree: ``()`` fleet, ``(park,)``, ``(park, roof)``, ``(park, roof, array)``.</extracomment>
        <translation>编辑园区 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="158"/>
        <source>Edit roof %1</source>
        <translation>编辑屋顶 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="172"/>
        <source>Edit array %1</source>
        <translation>编辑阵列 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="178"/>
        <source>New park</source>
        <translation>新园区</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="180"/>
        <source>Add park %1</source>
        <translation>添加园区 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="187"/>
        <source>Roof</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="190"/>
        <source>Add roof %1</source>
        <translation>添加屋顶 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="199"/>
        <source>Array</source>
        <translation>阵列</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="203"/>
        <source>Add array %1</source>
        <translation>添加阵列 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="212"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="229"/>
        <source>Delete park %1</source>
        <translation>删除园区 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="233"/>
        <source>Delete roof %1</source>
        <translation>删除屋顶 %1</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="238"/>
        <source>Delete array %1</source>
        <translation>删除阵列 %1</translation>
    </message>
</context>
<context>
    <name>FleetErrors</name>
    <message>
        <location filename="../../widgets/form_editor.py" line="55"/>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="56"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="57"/>
        <source>must be a finite number</source>
        <translation>必须是有限数值</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="58"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="59"/>
        <source>must be between %1 and %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="60"/>
        <source>must be between %1 and %2 (exclusive)</source>
        <translation>必须在 %1 到 %2 之间（不含端点）</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="61"/>
        <source>must be greater than %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="62"/>
        <source>must be at least %1</source>
        <translation>不得小于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="63"/>
        <source>must be at most %1</source>
        <translation>不得大于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="64"/>
        <source>must be less than %1</source>
        <translation>必须小于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="65"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="66"/>
        <source>must be one of %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="67"/>
        <source>another item here already has this name</source>
        <translation>同级中已有同名项</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="68"/>
        <source>is not in the CEC module database</source>
        <translation>不在 CEC 组件库中</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="69"/>
        <source>is not in the CEC inverter database</source>
        <translation>不在 CEC 逆变器库中</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="70"/>
        <source>is not a known time zone (e.g. Asia/Shanghai)</source>
        <translation>不是有效的时区（例如 Asia/Shanghai）</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="71"/>
        <source>must be a date as YYYY-MM-DD</source>
        <translation>日期格式必须为 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="72"/>
        <source>must hold 12 monthly values, not %1</source>
        <translation>需要 12 个月度数值，而不是 %1 个</translation>
    </message>
</context>
<context>
    <name>FleetPanel</name>
    <message>
        <location filename="../../widgets/fleet_panel.py" line="34"/>
        <source>Filter parks, roofs, arrays…</source>
        <translation>筛选园区、屋顶、阵列…</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_panel.py" line="51"/>
        <source>This fleet has no parks yet.

Use Edit → Add park (Ctrl+Shift+N) to create one, or File → Open to open another database.</source>
        <translation>还没有任何园区。

请用“编辑 → 添加园区”（Ctrl+Shift+N）新建，或用“文件 → 打开”打开其他数据库。</translation>
    </message>
</context>
<context>
    <name>FleetTreeModel</name>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="166"/>
        <source>Name</source>
        <extracomment>tuple path of the node: (park, roof, array) &quot;park&quot; | &quot;roof&quot; | &quot;array&quot; number for numeric columns, folded text for names</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="166"/>
        <source>kWp</source>
        <translation>装机 kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="166"/>
        <source>MWh/yr</source>
        <translation>年发电量 MWh</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="168"/>
        <source>Park, roof or array</source>
        <translation>园区、屋顶或阵列</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="168"/>
        <source>DC capacity at STC [kWp]</source>
        <translation>STC 条件下直流装机容量 [kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="169"/>
        <source>Annual AC energy of the last run [MWh]</source>
        <translation>上次计算的年交流发电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="186"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="186"/>
        <source>Roof</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="186"/>
        <source>Array</source>
        <translation>阵列</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="196"/>
        <source>No result yet</source>
        <translation>尚无计算结果</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="199"/>
        <source>Inputs changed since this result</source>
        <translation>该结果计算后输入已修改</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../widgets/form_editor.py" line="116"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="119"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="307"/>
        <source>Not applied: %1 %2</source>
        <translation>未应用：%1%2</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="309"/>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
</context>
<context>
    <name>GridRegion</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="15"/>
        <source>North China grid</source>
        <translation>华北电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="16"/>
        <source>Northeast China grid</source>
        <translation>东北电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="17"/>
        <source>East China grid</source>
        <translation>华东电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="18"/>
        <source>Central China grid</source>
        <translation>华中电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="19"/>
        <source>Northwest China grid</source>
        <translation>西北电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="20"/>
        <source>China Southern grid</source>
        <translation>南方电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="21"/>
        <source>Southwest China grid</source>
        <translation>西南电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="22"/>
        <source>National average</source>
        <translation>全国平均</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="41"/>
        <source>Hour of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="42"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="47"/>
        <source>PV power [kW]</source>
        <translation>光伏功率 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="49"/>
        <source>No results yet.</source>
        <translation>尚无计算结果。</translation>
    </message>
</context>
<context>
    <name>LossWaterfall</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="125"/>
        <source>Energy [MWh]</source>
        <translation>电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="128"/>
        <location filename="../../widgets/dashboard.py" line="142"/>
        <source>Loss breakdown appears with the first result.</source>
        <translation>首次计算完成后显示损失分解。</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="85"/>
        <source>Nominal (POA × STC)</source>
        <translation>标称（POA×STC）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="86"/>
        <source>Horizon shading</source>
        <translation>远处地形遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="87"/>
        <source>Row-to-row shading</source>
        <translation>前后排遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="88"/>
        <location filename="../../widgets/dashboard.py" line="89"/>
        <source>Reflection (IAM)</source>
        <translation>入射角损失（IAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="90"/>
        <source>Temperature</source>
        <translation>温度损失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="91"/>
        <source>Temperature and low light</source>
        <translation>温度与弱光损失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="92"/>
        <source>Soiling</source>
        <translation>积灰</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="93"/>
        <source>Shading</source>
        <translation>阴影遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="94"/>
        <source>Snow</source>
        <translation>积雪</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="95"/>
        <source>Mismatch</source>
        <translation>失配</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <source>DC wiring</source>
        <translation>直流线缆</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="97"/>
        <source>Connections</source>
        <translation>连接器</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="98"/>
        <source>LID</source>
        <translation>光致衰减</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="99"/>
        <source>Nameplate</source>
        <translation>铭牌偏差</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="100"/>
        <source>Availability</source>
        <translation>停机</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="101"/>
        <source>DC output</source>
        <translation>直流输出</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="102"/>
        <source>Inverter</source>
        <translation>逆变器损失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="103"/>
        <source>Clipping</source>
        <translation>限发削峰</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="104"/>
        <source>Degradation</source>
        <translation>年衰减率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="105"/>
        <source>Other system losses</source>
        <translation>其他系统损失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="106"/>
        <source>AC output</source>
        <translation>交流输出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="62"/>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="80"/>
        <source>Fleet</source>
        <translation>光伏资产</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="93"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Yield vs consumption</source>
        <translation>发电与用电</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Monthly</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="102"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="108"/>
        <source>Read-only: another program writes this database.</source>
        <translation>只读：另一个程序正在写入此数据库。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="146"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="148"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="150"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="151"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="154"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="157"/>
        <source>Add &amp;park</source>
        <translation>添加园区(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="159"/>
        <source>Add &amp;roof</source>
        <translation>添加屋顶(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="160"/>
        <source>Add &amp;array</source>
        <translation>添加阵列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="161"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="162"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="169"/>
        <source>&amp;Run fleet</source>
        <translation>全部计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="170"/>
        <source>Simulate every park; results fill in park by park</source>
        <translation>计算所有园区；结果逐个园区显示</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="171"/>
        <source>&amp;Cancel run</source>
        <translation>取消计算(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="174"/>
        <source>&amp;About SolarFleet</source>
        <translation>关于 SolarFleet(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="178"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="180"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="184"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="188"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="190"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="193"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="201"/>
        <source>&amp;Run</source>
        <translation>计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="203"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="205"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="216"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="223"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="236"/>
        <source>The change could not be saved.</source>
        <translation>修改未能保存。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="242"/>
        <source>The run failed: %1</source>
        <translation>计算失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="294"/>
        <source>Read-only session: running is disabled</source>
        <translation>只读会话：已停用运行</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="295"/>
        <source>Run fleet (F5)</source>
        <translation>全部计算（F5）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="296"/>
        <source>No simulation is connected in this build</source>
        <translation>此版本未接入仿真模块</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="302"/>
        <source>No run yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="305"/>
        <source>Last run: %1</source>
        <translation>上次计算：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="314"/>
        <location filename="../../app/main_window.py" line="318"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="340"/>
        <source>Deleted %1 – Ctrl+Z brings it back</source>
        <translation>已删除 %1 – 按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="355"/>
        <source>Simulating %1 (%2 of %3)</source>
        <translation>正在计算 %1（%2/%3）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="363"/>
        <source>Run cancelled; finished parks are shown.</source>
        <translation>计算已取消；已完成的园区结果照常显示。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="364"/>
        <source>Run finished.</source>
        <translation>计算完成。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="370"/>
        <source>Importing weather or load files is not available in this build.</source>
        <translation>此版本不支持导入气象或负荷文件。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="375"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="376"/>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="387"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="387"/>
        <source>SolarFleet database (*.db)</source>
        <translation>SolarFleet 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="392"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="393"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="398"/>
        <source>About SolarFleet</source>
        <translation>关于 SolarFleet</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="399"/>
        <source>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;Rooftop PV across logistics parks: pvlib physics, a local SQLite file, yield against consumption.</source>
        <translation>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;物流园区屋顶光伏：pvlib 物理模型、本地 SQLite 文件、发电与用电对比。</translation>
    </message>
</context>
<context>
    <name>MonthlyBarsPlot</name>
    <message>
        <location filename="../../widgets/monthly_plot.py" line="31"/>
        <source>AC energy [MWh]</source>
        <translation>交流发电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/monthly_plot.py" line="35"/>
        <source>No results yet.</source>
        <translation>尚无计算结果。</translation>
    </message>
</context>
<context>
    <name>ParkEditor</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="29"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="31"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="32"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="32"/>
        <source>North positive</source>
        <translation>北纬为正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>East positive</source>
        <translation>东经为正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="34"/>
        <source>Altitude</source>
        <translation>海拔</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="35"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="35"/>
        <source>IANA name, e.g. Asia/Shanghai</source>
        <translation>IANA 时区名，例如 Asia/Shanghai</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="36"/>
        <source>Grid region</source>
        <translation>所属电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="38"/>
        <source>Selects the CO₂ emission factor</source>
        <translation>决定 CO₂ 排放因子</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="39"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ParkMap</name>
    <message>
        <location filename="../../widgets/park_map.py" line="57"/>
        <source>Longitude [°E]</source>
        <translation>经度 [°E]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="58"/>
        <source>Latitude [°N]</source>
        <translation>纬度 [°N]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="65"/>
        <source>Specific yield [kWh/kWp]</source>
        <translation>单位装机发电量 [kWh/kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="69"/>
        <source>No parks to show.</source>
        <translation>没有可显示的园区。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="71"/>
        <source>Marker size: DC capacity. Colour: specific yield (grey: no result yet).</source>
        <translation>圆点大小：直流装机容量；颜色：单位装机发电量（灰色：尚无结果）。</translation>
    </message>
</context>
<context>
    <name>RoofEditor</name>
    <message>
        <location filename="../../widgets/roof_editor.py" line="15"/>
        <source>Roof</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="16"/>
        <source>Flat</source>
        <translation>平屋面</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="16"/>
        <source>Pitched</source>
        <translation>坡屋面</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="18"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="19"/>
        <source>Roof type</source>
        <translation>屋面类型</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="21"/>
        <source>Usable area</source>
        <translation>可用面积</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="22"/>
        <source>Pitch (tilt)</source>
        <translation>坡度（倾角）</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="22"/>
        <source>From horizontal</source>
        <translation>与水平面夹角</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="23"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="24"/>
        <source>Clockwise from north; 180° = south</source>
        <translation>自正北顺时针；180° 为正南</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="25"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
</context>
<context>
    <name>SelectionPresenter</name>
    <message>
        <location filename="../../app/presenter.py" line="59"/>
        <source>&lt;b&gt;Fleet&lt;/b&gt;&lt;br&gt;%1 parks, %2 kWp.&lt;br&gt;&lt;br&gt;Select a park, roof or array in the tree to edit it.</source>
        <translation>&lt;b&gt;全部园区&lt;/b&gt;&lt;br&gt;%1 个园区，装机 %2 kWp。&lt;br&gt;&lt;br&gt;在左侧树中选择园区、屋顶或阵列即可编辑。</translation>
    </message>
    <message>
        <location filename="../../app/presenter.py" line="69"/>
        <source>Whole fleet</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../app/presenter.py" line="71"/>
        <source>The loss breakdown is shown for parks and the whole fleet.</source>
        <translation>损失分解按园区和全部园区显示。</translation>
    </message>
</context>
<context>
    <name>YieldPlot</name>
    <message>
        <location filename="../../widgets/yield_plot.py" line="31"/>
        <source>Hourly</source>
        <translation>逐时</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="31"/>
        <source>Daily</source>
        <translation>逐日</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="32"/>
        <source>Monthly</source>
        <translation>逐月</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="46"/>
        <source>Self-consumed PV</source>
        <translation>自用光伏电量</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="47"/>
        <source>PV yield</source>
        <translation>光伏发电</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="48"/>
        <location filename="../../widgets/yield_plot.py" line="137"/>
        <source>Consumption</source>
        <translation>用电负荷</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="52"/>
        <source>No results yet: run the fleet (F5) to see yield against consumption.</source>
        <translation>尚无计算结果：按 F5 计算后即可查看发电与用电对比。</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="55"/>
        <source>Resolution:</source>
        <translation>时间粒度：</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="116"/>
        <source>PV and consumption</source>
        <translation>发电与用电</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="137"/>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="137"/>
        <source>Self-consumed</source>
        <translation>自用</translation>
    </message>
</context>
</TS>
