<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AddDeviceDialog</name>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="41"/>
        <source>Add device – %1</source>
        <translation>機器を追加 – %1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="43"/>
        <source>e.g. roof-A/inverter-1</source>
        <translation>例：roof-A/inverter-1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="53"/>
        <source>SunSpec (SMA, Fronius, SolarEdge…)</source>
        <translation>SunSpec（SMA、Fronius、SolarEdge など）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="61"/>
        <source>An inverter or meter that speaks Modbus TCP (SunSpec or a vendor map).</source>
        <translation>Modbus TCP 対応のパワコンまたは電力量計（SunSpec またはメーカー別レジスタマップ）。</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="64"/>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="65"/>
        <source>Host:</source>
        <translation>ホスト：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="66"/>
        <source>Port:</source>
        <translation>ポート：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="67"/>
        <source>Unit id:</source>
        <translation>ユニット ID：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="68"/>
        <source>Register map:</source>
        <translation>レジスタマップ：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="69"/>
        <source>Timeout:</source>
        <translation>タイムアウト：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="70"/>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="102"/>
        <source>Not valid: %1</source>
        <translation>入力が正しくありません：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="110"/>
        <source>Connecting to %1:%2…</source>
        <translation>%1:%2 に接続中…</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="118"/>
        <source>Connection failed: %1</source>
        <translation>接続に失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="125"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="125"/>
        <source>Grid</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="126"/>
        <source>Load</source>
        <translation>負荷</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="130"/>
        <source>Connected: %1</source>
        <translation>接続しました：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="130"/>
        <source>device answered</source>
        <translation>機器が応答しました</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/gui/application.py" line="130"/>
        <source>Read-only: %1 is being written by %2 (process %3 on %4, since %5). Editing and running are disabled; reopen the file when it is closed there.</source>
        <translation>読み取り専用：%1 は %2 が書き込み中です（%4 のプロセス %3、%5 から）。編集と実行は無効です。相手側でファイルが閉じられたら開き直してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="106"/>
        <location filename="../../app/gui/application.py" line="115"/>
        <source>Could not open the database.</source>
        <translation>データベースを開けませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="137"/>
        <source>Database in use</source>
        <translation>データベースは使用中です</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="139"/>
        <source>Open read-only</source>
        <translation>読み取り専用で開く</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="140"/>
        <source>Choose another file…</source>
        <translation>別のファイルを選択…</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="147"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="148"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="174"/>
        <source>A file of that name exists; choose File → Open to open it.</source>
        <translation>同じ名前のファイルがあります。「ファイル → 開く」で開いてください。</translation>
    </message>
</context>
<context>
    <name>ArrayEditor</name>
    <message>
        <location filename="../../widgets/array_editor.py" line="34"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="41"/>
        <source>PVWatts (nameplate power)</source>
        <translation>PVWatts（定格出力）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="41"/>
        <source>CEC module database</source>
        <translation>CEC モジュールデータベース</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="42"/>
        <source>PVWatts (DC/AC ratio)</source>
        <translation>PVWatts（過積載率）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="42"/>
        <source>CEC inverter database</source>
        <translation>CEC パワコンデータベース</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="43"/>
        <source>Open rack</source>
        <translation>架台設置（裏面通風）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="43"/>
        <source>Close mount</source>
        <translation>屋根近接設置</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="44"/>
        <source>Insulated back</source>
        <translation>裏面断熱設置</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="45"/>
        <source>Glass/polymer</source>
        <translation>ガラス／バックシート</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="45"/>
        <source>Glass/glass</source>
        <translation>両面ガラス</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="48"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>DC model</source>
        <translation>直流モデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>DC nameplate</source>
        <translation>直流定格容量</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Temperature coefficient</source>
        <translation>出力温度係数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="52"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Modules per string</source>
        <translation>直列枚数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <source>Strings</source>
        <translation>ストリング数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="55"/>
        <source>Tilt</source>
        <translation>傾斜角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <source>Empty: the roof&apos;s pitch</source>
        <translation>空欄：屋根の勾配を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <location filename="../../widgets/array_editor.py" line="58"/>
        <source>(from roof)</source>
        <translation>（屋根と同じ）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="57"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="58"/>
        <source>Clockwise from north; empty: the roof&apos;s</source>
        <translation>北から時計回り。空欄：屋根の方位を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="59"/>
        <source>Ground coverage ratio</source>
        <translation>設置面被覆率（GCR）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="60"/>
        <source>Rows on a flat roof; empty for a single flush row</source>
        <translation>陸屋根の複数列配置で入力。1列の平置きは空欄</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="61"/>
        <source>(single row)</source>
        <translation>（1列）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="62"/>
        <source>Racking</source>
        <translation>設置方式</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="63"/>
        <source>Module construction</source>
        <translation>モジュール構造</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="65"/>
        <source>Albedo</source>
        <translation>アルベド</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="66"/>
        <source>Inverter model</source>
        <translation>パワコンモデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <source>DC/AC ratio</source>
        <translation>過積載率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="69"/>
        <source>Inverter efficiency</source>
        <translation>パワコン効率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>Inverter</source>
        <translation>パワコン</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="71"/>
        <source>Inverters</source>
        <translation>パワコン台数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="72"/>
        <source>Degradation</source>
        <translation>経年劣化率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="73"/>
        <source>Commissioned</source>
        <translation>運転開始日</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Soiling, Jan…Dec</source>
        <translation>汚れ損失（1～12月）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Shading</source>
        <translation>影</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="77"/>
        <source>DC wiring</source>
        <translation>直流配線</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="77"/>
        <source>Connections</source>
        <translation>接続部</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="78"/>
        <source>Light-induced degradation</source>
        <translation>初期光劣化（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="78"/>
        <source>Nameplate rating</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="79"/>
        <source>Availability</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="80"/>
        <source>%1 loss</source>
        <translation>%1損失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="87"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="95"/>
        <source>Choose a module (CEC database)</source>
        <translation>モジュールを選択（CEC データベース）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="96"/>
        <source>STC power [W]</source>
        <translation>STC 出力 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="98"/>
        <source>Choose an inverter (CEC database)</source>
        <translation>パワコンを選択（CEC データベース）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="99"/>
        <source>AC rating [W]</source>
        <translation>定格交流出力 [W]</translation>
    </message>
</context>
<context>
    <name>BatteryEditor</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="139"/>
        <source>Battery</source>
        <translation>蓄電池</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="140"/>
        <source>Self-consumption first</source>
        <translation>自家消費優先</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="140"/>
        <source>TOU arbitrage</source>
        <translation>時間帯別料金の裁定</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="141"/>
        <source>The park has a battery</source>
        <translation>このパークには蓄電池がある</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="144"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="145"/>
        <source>Power</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="146"/>
        <source>Round-trip efficiency</source>
        <translation>充放電効率</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="147"/>
        <source>Lowest state of charge</source>
        <translation>最低充電率</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="148"/>
        <source>Strategy</source>
        <translation>運転方針</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="149"/>
        <source>Initial state of charge</source>
        <translation>初期充電率</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="150"/>
        <source>(lowest)</source>
        <translation>（最低値）</translation>
    </message>
</context>
<context>
    <name>ClusterMenu</name>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="23"/>
        <source>Compute &amp;on…</source>
        <translation>計算場所(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="24"/>
        <source>Run fleet simulations on this computer or on a Dask cluster</source>
        <translation>全パークの計算をこのコンピューターまたは Dask クラスターで実行します</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="35"/>
        <source>Compute on</source>
        <translation>計算場所</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="36"/>
        <source>Dask scheduler address, e.g. tcp://10.0.0.5:8786 (empty: this computer):</source>
        <translation>Dask スケジューラーのアドレス（例: tcp://10.0.0.5:8786、空欄: このコンピューター）:</translation>
    </message>
    <message>
        <location filename="../../app/gui/cluster_menu.py" line="44"/>
        <source>Not a scheduler address; the setting was not changed.</source>
        <translation>スケジューラーのアドレスではありません。設定は変更されていません。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="202"/>
        <source>Stale: inputs changed since the last run</source>
        <translation>古い結果：前回の計算後に入力が変更されました</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="208"/>
        <source>Installed capacity</source>
        <translation>設備容量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="208"/>
        <source>Annual yield</source>
        <translation>年間発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="209"/>
        <source>Specific yield</source>
        <translation>kW当たり年間発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="209"/>
        <source>Performance ratio</source>
        <translation>システム出力係数 PR</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="210"/>
        <source>Self-consumption</source>
        <translation>自家消費率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="210"/>
        <source>Self-sufficiency</source>
        <translation>自給率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="211"/>
        <location filename="../../widgets/dashboard.py" line="257"/>
        <source>Savings</source>
        <translation>電気料金削減額</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="211"/>
        <source>CO₂ avoided</source>
        <translation>CO₂ 削減量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="224"/>
        <source>Loss waterfall</source>
        <translation>損失ウォーターフォール</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="252"/>
        <source>10k CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="252"/>
        <source>k CNY</source>
        <translation>千元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="254"/>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="257"/>
        <source>Savings (example tariff)</source>
        <translation>削減額（料金例）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="258"/>
        <source>Computed with the shipped EXAMPLE tariff, not your contract: set the park&apos;s tariff under Tariff and battery.</source>
        <translation>付属の料金例で計算した値で、契約料金ではありません。「料金と蓄電池」でパークの料金を設定してください。</translation>
    </message>
</context>
<context>
    <name>EnergySettings</name>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="72"/>
        <source>Tariff of %1</source>
        <translation>%1 の電気料金</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="78"/>
        <source>Battery of %1</source>
        <translation>%1 の蓄電池</translation>
    </message>
</context>
<context>
    <name>EnergySettingsView</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="195"/>
        <source>Select a park to edit its tariff and battery.</source>
        <translation>料金と蓄電池を編集するパークを選んでください。</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="198"/>
        <source>Tariff</source>
        <translation>電気料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="199"/>
        <source>Battery</source>
        <translation>蓄電池</translation>
    </message>
</context>
<context>
    <name>EquipmentPicker</name>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="68"/>
        <source>Search by maker or model, e.g. “jinko 340”</source>
        <translation>メーカーや型番で検索（例：「jinko 340」）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/equipment_picker.py" line="100"/>
        <source>%n match(es) shown</source>
        <translation>
            <numerusform>%n 件を表示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="34"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="34"/>
        <source>Power [W]</source>
        <translation>出力 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="34"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../app/gui/errors.py" line="27"/>
        <source>SolarFleet – something went wrong</source>
        <translation>SolarFleet – エラーが発生しました</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="33"/>
        <source>SolarFleet is still running; nothing was lost. The details are also in the log file.</source>
        <translation>SolarFleet は動作を続けています。データは失われていません。詳細はログファイルにも記録されています。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="39"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../app/gui/export_controller.py" line="105"/>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="107"/>
        <source>Write results as XLSX, CSV, JSON or a PDF report</source>
        <translation>結果を XLSX・CSV・JSON または PDF レポートとして書き出す</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="109"/>
        <source>Export current &amp;plot (PNG/SVG)…</source>
        <translation>現在のグラフをエクスポート(&amp;P)（PNG/SVG）…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="119"/>
        <source>The current tab has no plot to export.</source>
        <translation>現在のタブにはエクスポートできるグラフがありません。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/export_dialog.py" line="57"/>
        <location filename="../../widgets/export_dialog.py" line="95"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="61"/>
        <source>Whole fleet</source>
        <translation>全拠点</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="65"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel ブック (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="65"/>
        <source>CSV table (.csv)</source>
        <translation>CSV 表 (.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="66"/>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="66"/>
        <source>PDF report (.pdf)</source>
        <translation>PDF レポート (.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="70"/>
        <source>Hourly</source>
        <translation>1時間ごと</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="70"/>
        <source>Daily</source>
        <translation>日ごと</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="70"/>
        <source>Monthly</source>
        <translation>月ごと</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="72"/>
        <source>Compute P50/P90 first (yield study, about 1 s per park)</source>
        <translation>先に P50/P90 を計算する（発電量評価、拠点ごとに約 1 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="74"/>
        <source>File to write</source>
        <translation>書き出すファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="75"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="81"/>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="82"/>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="83"/>
        <source>Resolution</source>
        <translation>時間分解能</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="85"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="100"/>
        <source>Preview of what will be written:</source>
        <translation>書き出す内容のプレビュー：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="137"/>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="147"/>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 が存在しません。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="169"/>
        <source>A PDF report of run %1: key figures, monthly yield and consumption, losses, P50/P90, CO₂ and assumptions. Its tables start like this:</source>
        <translation>計算 %1 の PDF レポート：主要指標、月別発電量と消費量、損失、P50/P90、CO₂、前提条件。表の冒頭は次のとおりです：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="172"/>
        <source>Run %1, %2 table(s); units in the headers, times with their UTC offset:</source>
        <translation>計算 %1、表 %2 個。単位は見出しに、時刻は UTC オフセット付き：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="178"/>
        <source>%1 rows × %2 columns</source>
        <translation>%1 行 × %2 列</translation>
    </message>
</context>
<context>
    <name>FleetController</name>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="143"/>
        <source>Edit park %1</source>
        <extracomment>A node of the fleet tree: ``()`` fleet, ``(park,)``, ``(park, roof)``, ``(park, roof, array)``.</extracomment>
        <translation>パーク %1 を編集</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="160"/>
        <source>Edit roof %1</source>
        <translation>屋根 %1 を編集</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="174"/>
        <source>Edit array %1</source>
        <translation>アレイ %1 を編集</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="180"/>
        <source>New park</source>
        <translation>新しいパーク</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="182"/>
        <source>Add park %1</source>
        <translation>パーク %1 を追加</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="189"/>
        <source>Roof</source>
        <translation>屋根</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="192"/>
        <source>Add roof %1</source>
        <translation>屋根 %1 を追加</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="201"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="205"/>
        <source>Add array %1</source>
        <translation>アレイ %1 を追加</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="214"/>
        <source>%1 (copy)</source>
        <translation>%1（コピー）</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="231"/>
        <source>Delete park %1</source>
        <translation>パーク %1 を削除</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="235"/>
        <source>Delete roof %1</source>
        <translation>屋根 %1 を削除</translation>
    </message>
    <message>
        <location filename="../../app/gui/fleet_controller.py" line="240"/>
        <source>Delete array %1</source>
        <translation>アレイ %1 を削除</translation>
    </message>
</context>
<context>
    <name>FleetErrors</name>
    <message>
        <location filename="../../widgets/form_editor.py" line="55"/>
        <source>is required</source>
        <translation>入力が必要です</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="56"/>
        <source>must be a number</source>
        <translation>数値で入力してください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="57"/>
        <source>must be a finite number</source>
        <translation>有限の数値で入力してください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="58"/>
        <source>must be a whole number</source>
        <translation>整数で入力してください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="59"/>
        <source>must be between %1 and %2</source>
        <translation>%1～%2 の範囲で入力してください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="60"/>
        <source>must be between %1 and %2 (exclusive)</source>
        <translation>%1～%2 の範囲（両端を除く）で入力してください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="61"/>
        <source>must be greater than %1</source>
        <translation>%1 より大きくしてください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="62"/>
        <source>must be at least %1</source>
        <translation>%1 以上にしてください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="63"/>
        <source>must be at most %1</source>
        <translation>%1 以下にしてください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="64"/>
        <source>must be less than %1</source>
        <translation>%1 未満にしてください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="65"/>
        <source>must not be empty</source>
        <translation>空にできません</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="66"/>
        <source>must be one of %1</source>
        <translation>次のいずれかにしてください：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="67"/>
        <source>another item here already has this name</source>
        <translation>同じ階層に同名の項目があります</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="68"/>
        <source>is not in the CEC module database</source>
        <translation>CEC モジュールデータベースにありません</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="69"/>
        <source>is not in the CEC inverter database</source>
        <translation>CEC パワコンデータベースにありません</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="70"/>
        <source>is not a known time zone (e.g. Asia/Shanghai)</source>
        <translation>有効なタイムゾーンではありません（例：Asia/Shanghai）</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="71"/>
        <source>must be a date as YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 形式の日付で入力してください</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="72"/>
        <source>must hold 12 monthly values, not %1</source>
        <translation>12 か月分の値が必要です（入力は %1 個）</translation>
    </message>
</context>
<context>
    <name>FleetPanel</name>
    <message>
        <location filename="../../widgets/fleet_panel.py" line="34"/>
        <source>Filter parks, roofs, arrays…</source>
        <translation>パーク・屋根・アレイを絞り込み…</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_panel.py" line="51"/>
        <source>This fleet has no parks yet.

Use Edit → Add park (Ctrl+Shift+N) to create one, or File → Open to open another database.</source>
        <translation>パークがまだありません。

「編集 → パークを追加」（Ctrl+Shift+N）で作成するか、「ファイル → 開く」で別のデータベースを開いてください。</translation>
    </message>
</context>
<context>
    <name>FleetTreeModel</name>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="166"/>
        <source>Name</source>
        <extracomment>tuple path of the node: (park, roof, array) &quot;park&quot; | &quot;roof&quot; | &quot;array&quot; number for numeric columns, folded text for names</extracomment>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="166"/>
        <source>kWp</source>
        <translation>容量 kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="166"/>
        <source>MWh/yr</source>
        <translation>年間 MWh</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="168"/>
        <source>Park, roof or array</source>
        <translation>パーク・屋根・アレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="168"/>
        <source>DC capacity at STC [kWp]</source>
        <translation>STC 条件の直流容量 [kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="169"/>
        <source>Annual AC energy of the last run [MWh]</source>
        <translation>前回計算の年間交流発電量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="186"/>
        <source>Park</source>
        <translation>パーク</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="186"/>
        <source>Roof</source>
        <translation>屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="186"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="197"/>
        <source>No result yet</source>
        <translation>計算結果なし</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="200"/>
        <source>Inputs changed since this result</source>
        <translation>この結果の計算後に入力が変更されました</translation>
    </message>
</context>
<context>
    <name>ForecastPlot</name>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="37"/>
        <source>AC power [kW]</source>
        <translation>交流電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="45"/>
        <source>Forecast P50</source>
        <translation>予測 P50</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="46"/>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="50"/>
        <source>P10–P90</source>
        <translation>P10–P90</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="54"/>
        <source>No forecast yet.</source>
        <translation>予測はまだありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="92"/>
        <source>Against %1 hours of actuals: MAE %2 kW, bias %3 kW (positive: the forecast was too high).</source>
        <translation>実績 %1 時間との比較：MAE %2 kW、バイアス %3 kW（正は予測が高すぎたことを示す）。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_plot.py" line="97"/>
        <source>No actuals for these hours yet.</source>
        <translation>この時間帯の実績はまだありません。</translation>
    </message>
</context>
<context>
    <name>ForecastUi</name>
    <message>
        <location filename="../../app/gui/forecast_ui.py" line="106"/>
        <source>Forecast</source>
        <translation>予測</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../widgets/forecast_view.py" line="37"/>
        <source>Day ahead</source>
        <translation>翌日</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="38"/>
        <source>Week ahead</source>
        <translation>1週間先</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="42"/>
        <source>Forecast from a file…</source>
        <translation>ファイルから予測…</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="43"/>
        <source>Import measured AC…</source>
        <translation>実測の交流電力を読み込む…</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="50"/>
        <source>Park</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="97"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="105"/>
        <source>recent measurements</source>
        <translation>最近の実測</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="105"/>
        <source>forecast file</source>
        <translation>予測ファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="151"/>
        <source>Forecast file</source>
        <translation>予測ファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="151"/>
        <location filename="../../widgets/forecast_view.py" line="157"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="156"/>
        <source>Measured AC (time, ac [kW])</source>
        <translation>実測の交流電力（time, ac [kW]）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="114"/>
        <source>quantiles of the park&apos;s own errors over %1 daylight hours</source>
        <translation>この拠点の日中 %1 時間の誤差の分位点</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="39"/>
        <source>Make a forecast</source>
        <translation>予測を作成</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="40"/>
        <source>From the park&apos;s recent measurements; without any, from clear sky × the park&apos;s typical clear-sky index of the month (modelled)</source>
        <translation>パークの直近の実測から。実測がなければ、快晴時出力 × パークのその月の典型的な晴天指数（モデル）から</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="103"/>
        <source>No forecast stored for this park yet. Press “Make a forecast”.</source>
        <translation>このパークの予測はまだありません。「予測を作成」を押してください。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="106"/>
        <source>no measurements yet: clear sky × the park&apos;s typical clear-sky index %1 for this month, from the modelled typical year</source>
        <translation>実測なし：快晴時出力 × パークのこの月の典型的な晴天指数 %1（モデルの標準年から）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="112"/>
        <source>the spread of the typical year&apos;s hourly clear-sky index (climate, not forecast skill)</source>
        <translation>標準年の毎時晴天指数のばらつき（気候の幅であり、予測精度ではありません）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="116"/>
        <source>default spread of the clear-sky index %1/%2 (too few of the park&apos;s own errors)</source>
        <translation>晴天指数の既定の幅 %1/%2（この拠点の誤差データが不足）</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="118"/>
        <source>Forecast made %1 from %2. Bands: %3.</source>
        <translation>予測作成 %1、根拠：%2。幅：%3。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="136"/>
        <source>%1 has not been simulated yet, so there is no typical year to forecast from. Run the fleet (F5) first.</source>
        <translation>%1 はまだシミュレーションされていないため、予測に使う標準年がありません。先にフリートを実行してください（F5）。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="139"/>
        <source>There are no measurements from %1 in daylight recently. Import measured AC or record live data.</source>
        <translation>%1 には最近の日中の実測がありません。交流実測を取り込むか、リアルタイムデータを記録してください。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="142"/>
        <source>The forecast file does not cover the coming day or week. Choose a newer file.</source>
        <translation>この予測ファイルは翌日または翌週をカバーしていません。新しいファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="144"/>
        <source>This file cannot be read as a forecast or measured AC: %1</source>
        <translation>このファイルは予測または交流実測として読めません：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="145"/>
        <source>The forecast could not be made: %1</source>
        <translation>予測を作成できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../widgets/form_editor.py" line="129"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="132"/>
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="341"/>
        <source>Not applied: %1 %2</source>
        <translation>適用されませんでした：%1 – %2</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="343"/>
        <source>Not applied: %1</source>
        <translation>適用されませんでした：%1</translation>
    </message>
</context>
<context>
    <name>GridRegion</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="15"/>
        <source>North China grid</source>
        <translation>華北電網</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="16"/>
        <source>Northeast China grid</source>
        <translation>東北電網</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="17"/>
        <source>East China grid</source>
        <translation>華東電網</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="18"/>
        <source>Central China grid</source>
        <translation>華中電網</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="19"/>
        <source>Northwest China grid</source>
        <translation>西北電網</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="20"/>
        <source>China Southern grid</source>
        <translation>南方電網</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="21"/>
        <source>Southwest China grid</source>
        <translation>西南電網</translation>
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
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="42"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="47"/>
        <source>PV power [kW]</source>
        <translation>PV 出力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/heatmap_plot.py" line="49"/>
        <source>No results yet.</source>
        <translation>計算結果はまだありません。</translation>
    </message>
</context>
<context>
    <name>HorizonPlot</name>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="36"/>
        <source>Elevation [°]</source>
        <translation>仰角 [°]</translation>
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
        <translation>東</translation>
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
        <translation>合成した地平線</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="46"/>
        <source>Horizon profile</source>
        <translation>地平線プロファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/horizon_plot.py" line="47"/>
        <source>Obstacles</source>
        <translation>障害物</translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../widgets/layout_view.py" line="58"/>
        <source>%1 modules</source>
        <translation>モジュール %1 枚</translation>
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
        <translation>アレイ間隔 %1 m</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="63"/>
        <source>%1 rows</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="94"/>
        <source>No roof yet.</source>
        <translation>屋根がまだありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="135"/>
        <source>↓ modules face %1°</source>
        <translation>↓ モジュールの向き %1°</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../../app/gui/live_tab.py" line="54"/>
        <source>Live monitoring needs a database file.</source>
        <translation>リアルタイム監視にはデータベースファイルが必要です。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="124"/>
        <source>the replay reached the end of the model</source>
        <translation>リプレイがモデルデータの終わりに達しました</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="125"/>
        <source>could not start</source>
        <translation>開始できませんでした</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="125"/>
        <source>no park to monitor</source>
        <translation>監視するパークがありません</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="130"/>
        <source>No devices are stored for %1: add one with “Add device…”.</source>
        <translation>%1 には機器が登録されていません。「機器を追加…」で追加してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="132"/>
        <source>The fleet has no park to monitor.</source>
        <translation>監視できるパークがありません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="134"/>
        <source>Live monitoring could not start: %1</source>
        <translation>リアルタイム監視を開始できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="187"/>
        <source>Device %1 saved.</source>
        <translation>機器 %1 を保存しました。</translation>
    </message>
</context>
<context>
    <name>LiveTables</name>
    <message>
        <location filename="../../widgets/live_tables.py" line="21"/>
        <source>idle</source>
        <translation>未接続</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="22"/>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="23"/>
        <source>online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="24"/>
        <source>error</source>
        <translation>通信エラー</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="25"/>
        <source>waiting to retry</source>
        <translation>再接続待ち</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="26"/>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="36"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="37"/>
        <source>off</source>
        <translation>運転停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="38"/>
        <source>sleeping</source>
        <translation>スリープ</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="39"/>
        <source>starting</source>
        <translation>起動中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="40"/>
        <source>MPPT</source>
        <translation>連系運転（MPPT）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="41"/>
        <source>throttled</source>
        <translation>出力制限中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="42"/>
        <source>shutting down</source>
        <translation>停止処理中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="43"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="44"/>
        <source>standby</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="45"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="102"/>
        <source>Device</source>
        <translation>機器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="103"/>
        <source>Link</source>
        <translation>通信</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="104"/>
        <source>State</source>
        <translation>運転状態</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="105"/>
        <source>Last reading</source>
        <translation>最終受信</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="106"/>
        <source>PV [kW]</source>
        <translation>PV [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="107"/>
        <source>Retry</source>
        <translation>再接続</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="173"/>
        <source>in %1 s</source>
        <translation>%1 秒後</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="231"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="232"/>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="233"/>
        <source>Lowest ratio</source>
        <translation>最低比率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="234"/>
        <source>Mean ratio</source>
        <translation>平均比率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="235"/>
        <source>Rule</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="271"/>
        <source>ongoing</source>
        <translation>継続中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="276"/>
        <source>below %1 % for %2 min</source>
        <translation>%1 % 未満が %2 分継続</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../widgets/live_view.py" line="80"/>
        <source>Replay of the model</source>
        <extracomment>Source kinds the chooser offers (the controller builds them). Replay clock choices [simulated s per real s].</extracomment>
        <translation>モデルのリプレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="80"/>
        <source>Stored devices</source>
        <translation>登録済みの機器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="81"/>
        <source>Logger file…</source>
        <translation>ロガーファイル…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="88"/>
        <source>Clock:</source>
        <translation>再生速度：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="92"/>
        <source>Add device…</source>
        <translation>機器を追加…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="101"/>
        <source>Source:</source>
        <translation>データソース：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="110"/>
        <source>PV now</source>
        <translation>現在の PV 出力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="110"/>
        <source>Consumption now</source>
        <translation>現在の消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="110"/>
        <source>Expected PV now</source>
        <translation>現在の予測 PV 出力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="111"/>
        <source>Actual / expected</source>
        <translation>実績 / 予測</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="111"/>
        <source>Self-consumption now</source>
        <translation>現在の自家消費率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="112"/>
        <source>PV today</source>
        <translation>本日の発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="112"/>
        <source>Consumption today</source>
        <translation>本日の消費電力量</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="124"/>
        <source>Power [kW]</source>
        <translation>電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="127"/>
        <source>Expected PV (model)</source>
        <translation>予測 PV（モデル）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="128"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="129"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="149"/>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="155"/>
        <source>Alarm when PV stays below</source>
        <translation>アラーム条件：PV 出力が予測の</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="157"/>
        <source>of expected for</source>
        <translation>未満、継続時間</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="163"/>
        <source>Devices</source>
        <translation>機器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="243"/>
        <source>No park selected</source>
        <translation>パークが選択されていません</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="317"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="317"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="319"/>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="319"/>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="319"/>
        <source>Running</source>
        <translation>監視中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="320"/>
        <source>Stopping…</source>
        <translation>停止処理中…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="357"/>
        <source>Logger file</source>
        <translation>ロガーファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="358"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="417"/>
        <source>Alarm log</source>
        <translation>アラーム履歴</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="419"/>
        <source>%1 active</source>
        <translation>発生中 %1 件</translation>
    </message>
</context>
<context>
    <name>LossWaterfall</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="126"/>
        <source>Energy [MWh]</source>
        <translation>電力量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="129"/>
        <location filename="../../widgets/dashboard.py" line="143"/>
        <source>Loss breakdown appears with the first result.</source>
        <translation>最初の計算結果が出ると損失内訳を表示します。</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="86"/>
        <source>Nominal (POA × STC)</source>
        <extracomment>the savings come from an example tariff, not the park&apos;s contract</extracomment>
        <translation>公称（POA×STC）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="87"/>
        <source>Horizon shading</source>
        <translation>地平線による遮蔽</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="88"/>
        <source>Row-to-row shading</source>
        <translation>アレイ間の影</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="89"/>
        <location filename="../../widgets/dashboard.py" line="90"/>
        <source>Reflection (IAM)</source>
        <translation>入射角損失（IAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="91"/>
        <source>Temperature</source>
        <translation>温度損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="92"/>
        <source>Temperature and low light</source>
        <translation>温度・低照度損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="93"/>
        <source>Soiling</source>
        <translation>汚れ</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="94"/>
        <source>Shading</source>
        <translation>影</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="95"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="97"/>
        <source>DC wiring</source>
        <translation>直流配線</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="98"/>
        <source>Connections</source>
        <translation>接続部</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="99"/>
        <source>LID</source>
        <translation>初期光劣化</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="100"/>
        <source>Nameplate</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="101"/>
        <source>Availability</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="102"/>
        <source>DC output</source>
        <translation>直流出力</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="103"/>
        <source>Inverter</source>
        <translation>パワコン損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="104"/>
        <source>Clipping</source>
        <translation>ピークカット</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="105"/>
        <source>Degradation</source>
        <translation>経年劣化率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="106"/>
        <source>Other system losses</source>
        <translation>その他のシステム損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="107"/>
        <source>AC output</source>
        <translation>交流出力</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="112"/>
        <source>Fleet</source>
        <translation>パーク一覧</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="124"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="140"/>
        <source>Yield vs consumption</source>
        <translation>発電量と消費電力</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="140"/>
        <source>Typical year (modelled)</source>
        <translation>標準年（モデル）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="141"/>
        <source>Heat map</source>
        <translation>ヒートマップ</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="141"/>
        <source>Monthly</source>
        <translation>月別</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="142"/>
        <source>Map</source>
        <translation>地図</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="146"/>
        <source>Live</source>
        <translation>リアルタイム監視</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="171"/>
        <source>Read-only: another program writes this database.</source>
        <translation>読み取り専用：別のプログラムがこのデータベースに書き込んでいます。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="197"/>
        <source>&amp;New database…</source>
        <translation>新規データベース(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="199"/>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="201"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="202"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="205"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="70"/>
        <source>Add &amp;park</source>
        <translation>パークを追加(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="72"/>
        <source>Add &amp;roof</source>
        <translation>屋根を追加(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="74"/>
        <source>Add &amp;array</source>
        <translation>アレイを追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="76"/>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="78"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="215"/>
        <source>&amp;Run fleet</source>
        <translation>全パークを計算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="216"/>
        <source>Simulate every park; results fill in park by park</source>
        <translation>全パークを計算します。結果はパークごとに表示されます</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="217"/>
        <source>&amp;Cancel run</source>
        <translation>計算を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="220"/>
        <source>&amp;About SolarFleet</source>
        <translation>SolarFleet について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="224"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="226"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="234"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="238"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="241"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="244"/>
        <source>System default</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="252"/>
        <source>&amp;Run</source>
        <translation>計算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="256"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="258"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="269"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="276"/>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="294"/>
        <source>The change could not be saved.</source>
        <translation>変更を保存できませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="300"/>
        <source>The run failed: %1</source>
        <translation>計算に失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="350"/>
        <source>Read-only session: running is disabled</source>
        <translation>読み取り専用セッション：実行は無効です</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="351"/>
        <source>Run fleet (F5)</source>
        <translation>全パークを計算（F5）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="352"/>
        <source>No simulation is connected in this build</source>
        <translation>このビルドにはシミュレーションが接続されていません</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="358"/>
        <source>No run yet</source>
        <translation>未計算</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="361"/>
        <source>Last run: %1</source>
        <translation>前回の計算：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="100"/>
        <location filename="../../app/gui/actions.py" line="103"/>
        <source>Not done: %1</source>
        <translation>実行できません：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions.py" line="128"/>
        <source>Deleted %1 – Ctrl+Z brings it back</source>
        <translation>%1 を削除しました – Ctrl+Z で元に戻せます</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="382"/>
        <source>Simulating %1 (%2 of %3)</source>
        <translation>%1 を計算中（%2/%3）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="390"/>
        <source>Run cancelled; finished parks are shown.</source>
        <translation>計算を中止しました。完了したパークの結果は表示されます。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="391"/>
        <source>Run finished.</source>
        <translation>計算が完了しました。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="397"/>
        <source>Importing weather or load files is not available in this build.</source>
        <translation>このビルドでは気象・負荷ファイルの取り込みはできません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="402"/>
        <source>Import report</source>
        <translation>取り込み結果</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="403"/>
        <source>The import failed: %1</source>
        <translation>取り込みに失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="414"/>
        <source>New database</source>
        <translation>新規データベース</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="414"/>
        <source>SolarFleet database (*.db)</source>
        <translation>SolarFleet データベース (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="419"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="420"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="425"/>
        <source>About SolarFleet</source>
        <translation>SolarFleet について</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="426"/>
        <source>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;Rooftop PV across logistics parks: pvlib physics, a local SQLite file, yield against consumption.</source>
        <translation>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;物流パークの屋根置き太陽光：pvlib による物理モデル、ローカルの SQLite ファイル、発電量と消費電力の比較。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="308"/>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="88"/>
        <source>[read-only]</source>
        <translation>[読み取り専用]</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="130"/>
        <source>Tariff and battery</source>
        <translation>料金と蓄電池</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="309"/>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
</context>
<context>
    <name>MonthlyBarsPlot</name>
    <message>
        <location filename="../../widgets/monthly_plot.py" line="31"/>
        <source>AC energy [MWh]</source>
        <translation>交流発電量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/monthly_plot.py" line="35"/>
        <source>No results yet.</source>
        <translation>計算結果はまだありません。</translation>
    </message>
</context>
<context>
    <name>OverviewTableModel</name>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="29"/>
        <source>Park</source>
        <extracomment>the raw number a column sorts by (NaN sorts last)</extracomment>
        <translation>パーク</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="29"/>
        <source>kWp</source>
        <translation>kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="29"/>
        <source>Today [kWh]</source>
        <translation>本日 [kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="30"/>
        <source>Month to date [kWh]</source>
        <translation>今月累計 [kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="30"/>
        <source>Expected [kWh]</source>
        <translation>想定 [kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="31"/>
        <source>vs expected</source>
        <translation>想定比</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="31"/>
        <source>Performance index</source>
        <translation>性能指数</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="32"/>
        <source>Alarms</source>
        <translation>アラーム</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="32"/>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="68"/>
        <source>no measurements</source>
        <translation>実測なし</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="77"/>
        <source>%1 min ago</source>
        <translation>%1 分前</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="79"/>
        <source>%1 h ago</source>
        <translation>%1 時間前</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="80"/>
        <source>%1 days ago</source>
        <translation>%1 日前</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="105"/>
        <source>Modelled: the typical year of the newest run, on today&apos;s calendar (no measurements)</source>
        <translation>モデル値：最新実行の標準年を今日の日付に当てはめた値（実測なし）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="107"/>
        <source>Measured</source>
        <translation>実測</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_table_model.py" line="109"/>
        <source>Measured energy ÷ modelled energy over the measured intervals of this month</source>
        <translation>今月の実測がある時間帯での 実測発電量 ÷ モデル発電量</translation>
    </message>
</context>
<context>
    <name>OverviewUi</name>
    <message>
        <location filename="../../app/gui/overview_ui.py" line="66"/>
        <source>Overview</source>
        <extracomment>the overview is recomputed every five minutes (and after every run or edit)</extracomment>
        <translation>概要</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../widgets/overview_view.py" line="64"/>
        <source>Power [kW]</source>
        <translation>電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="67"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="68"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="70"/>
        <source>Expected PV (modelled)</source>
        <translation>想定PV（モデル）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="91"/>
        <source>measured</source>
        <translation>実測</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="91"/>
        <source>modelled</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="92"/>
        <source>no data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="104"/>
        <source>&lt;b&gt;%1 — today&lt;/b&gt;: PV %2, consumption %3</source>
        <translation>&lt;b&gt;%1 — 本日&lt;/b&gt;：PV %2、消費 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="118"/>
        <source>Month to date: %1 MWh (%2) — expected %3 MWh (modelled typical year)</source>
        <translation>今月累計：%1 MWh（%2）— 想定 %3 MWh（モデルの標準年）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="122"/>
        <source>performance index %1 %</source>
        <translation>性能指数 %1 %</translation>
    </message>
</context>
<context>
    <name>ParkEditor</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="29"/>
        <source>Park</source>
        <translation>パーク</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="31"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="32"/>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="32"/>
        <source>North positive</source>
        <translation>北緯を正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>East positive</source>
        <translation>東経を正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="34"/>
        <source>Altitude</source>
        <translation>標高</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="35"/>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="35"/>
        <source>IANA name, e.g. Asia/Shanghai</source>
        <translation>IANA 名（例：Asia/Shanghai）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="36"/>
        <source>Grid region</source>
        <translation>系統エリア</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="38"/>
        <source>Selects the CO₂ emission factor</source>
        <translation>CO₂ 排出係数を決めます</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="39"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ParkMap</name>
    <message>
        <location filename="../../widgets/park_map.py" line="58"/>
        <source>Longitude [°E]</source>
        <translation>経度 [°E]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="59"/>
        <source>Latitude [°N]</source>
        <translation>緯度 [°N]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="66"/>
        <source>Specific yield [kWh/kWp]</source>
        <translation>kW当たり年間発電量 [kWh/kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="75"/>
        <source>No parks to show.</source>
        <translation>表示するパークがありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="77"/>
        <source>Marker size: DC capacity. Colour: specific yield (grey: no result yet).</source>
        <translation>円の大きさ：直流容量。色：kW当たり年間発電量（灰色：結果なし）。</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <location filename="../../app/report_pdf.py" line="112"/>
        <source>Jan</source>
        <extracomment>Font families in order of preference: a Latin sans first (its digits stay searchable and copyable in the PDF; Noto CJK&apos;s are not extracted by PDF readers), then CJK families for Chinese and Japanese text on Linux, Windows and macOS. Qt falls back along the list glyph by glyph.</extracomment>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="112"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="112"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="112"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="112"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="112"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="113"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="113"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="113"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="113"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="113"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="113"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="123"/>
        <source>PV yield</source>
        <translation>太陽光発電量</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="123"/>
        <source>Consumption</source>
        <translation>消費電力量</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="143"/>
        <source>Nominal (POA)</source>
        <translation>公称（受光面日射）</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="149"/>
        <source>AC output</source>
        <translation>交流出力</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="171"/>
        <source>Horizon shading</source>
        <translation>地平線の影</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="171"/>
        <source>Row shading</source>
        <translation>アレイ間の影</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="172"/>
        <source>Angle of incidence</source>
        <translation>入射角損失</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="172"/>
        <source>Temperature and irradiance</source>
        <translation>温度・日射強度</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="173"/>
        <source>Soiling</source>
        <translation>汚れ</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="173"/>
        <location filename="../../app/report_pdf.py" line="318"/>
        <source>Near shading</source>
        <translation>近傍の影</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="173"/>
        <location filename="../../app/report_pdf.py" line="318"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="174"/>
        <location filename="../../app/report_pdf.py" line="318"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="174"/>
        <location filename="../../app/report_pdf.py" line="319"/>
        <source>DC wiring</source>
        <translation>直流配線損失</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="174"/>
        <location filename="../../app/report_pdf.py" line="319"/>
        <source>Connections</source>
        <translation>接続損失</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="175"/>
        <location filename="../../app/report_pdf.py" line="319"/>
        <source>Light-induced degradation</source>
        <translation>光誘起劣化 (LID)</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="175"/>
        <location filename="../../app/report_pdf.py" line="320"/>
        <source>Nameplate rating</source>
        <translation>定格出力の誤差</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="176"/>
        <location filename="../../app/report_pdf.py" line="320"/>
        <source>Availability</source>
        <translation>稼働率</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="176"/>
        <source>Ageing</source>
        <translation>経年劣化</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="177"/>
        <location filename="../../app/report_pdf.py" line="301"/>
        <source>Inverter</source>
        <translation>パワコン</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="177"/>
        <source>Inverter clipping</source>
        <translation>パワコン出力制限</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="185"/>
        <location filename="../../app/report_pdf.py" line="206"/>
        <location filename="../../app/report_pdf.py" line="346"/>
        <source>Fleet</source>
        <translation>全拠点</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="187"/>
        <location filename="../../app/report_pdf.py" line="346"/>
        <source>Yield report</source>
        <translation>発電量レポート</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="188"/>
        <source>Run %1 · SolarFleet %2 · created %3</source>
        <translation>計算 %1 · SolarFleet %2 · 作成 %3</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="193"/>
        <source>DC capacity</source>
        <translation>設備容量（直流）</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="194"/>
        <location filename="../../app/report_pdf.py" line="227"/>
        <source>Annual AC energy</source>
        <translation>年間発電量（交流）</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="195"/>
        <source>Specific yield</source>
        <translation>単位容量あたり発電量</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="196"/>
        <source>Performance ratio</source>
        <translation>システム出力係数 PR</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="198"/>
        <source>Capacity factor</source>
        <translation>設備利用率</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="200"/>
        <source>CO₂ avoided per year</source>
        <translation>年間 CO₂ 削減量</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="201"/>
        <source>Key figures</source>
        <translation>主要指標</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="203"/>
        <location filename="../../app/report_pdf.py" line="301"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="203"/>
        <location filename="../../app/report_pdf.py" line="280"/>
        <source>Park</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="210"/>
        <source>Monthly yield and consumption</source>
        <translation>月別発電量と消費電力量</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="213"/>
        <source>No consumption is stored for this scope.</source>
        <translation>この範囲の消費電力データは保存されていません。</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="215"/>
        <source>Long-term yield (P50/P90)</source>
        <translation>長期発電量（P50/P90）</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="217"/>
        <source>No yield study yet: run solarfleet-cli yield or File → Export.</source>
        <translation>発電量評価がまだありません：solarfleet-cli yield か「ファイル → エクスポート」を実行してください。</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="226"/>
        <source>Probability of exceedance</source>
        <translation>超過確率</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="231"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="231"/>
        <source>Degradation factor</source>
        <translation>劣化係数</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="244"/>
        <source>P50 is the median of the weather years simulated; P90 = P50 − 1.28 σ with σ combining the year-to-year spread and a model uncertainty of %1 %. Weather years: %2.</source>
        <translation>P50 はシミュレーションした気象年の中央値、P90 = P50 − 1.28 σ。σ は年変動と %1 % のモデル不確かさを合成したものです。気象年：%2。</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="248"/>
        <source>Losses</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="253"/>
        <source>CO₂ avoided</source>
        <translation>CO₂ 削減</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="254"/>
        <source>%1 t of CO₂ per year, assuming all PV energy is used on site or exported, with the grid emission factor of each park&apos;s region (%2 kg/kWh).</source>
        <translation>年間 %1 t の CO₂ 削減。太陽光発電量はすべて自家消費または売電されると仮定し、各拠点の地域の系統排出係数（%2 kg/kWh）を使用。</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="258"/>
        <source>Assumptions</source>
        <translation>前提条件</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="261"/>
        <source>Made with SolarFleet %1 (pvlib %2) from simulation run %3.</source>
        <translation>SolarFleet %1（pvlib %2）で計算 %3 から作成。</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="274"/>
        <source>Model: transposition %1, angle-of-incidence %2, cell temperature %3, row shading %4.</source>
        <translation>モデル：斜面日射 %1、入射角 %2、セル温度 %3、アレイ間の影 %4。</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="278"/>
        <source>on</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="278"/>
        <source>off</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="280"/>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="280"/>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="280"/>
        <source>Altitude</source>
        <translation>標高</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="281"/>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="281"/>
        <source>Weather</source>
        <translation>気象データ</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="281"/>
        <source>Weather source</source>
        <translation>気象データの出典</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="286"/>
        <source>typical year (TMY)</source>
        <translation>標準気象年 (TMY)</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="286"/>
        <source>measured</source>
        <translation>実測</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="287"/>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="287"/>
        <source>clear sky</source>
        <translation>晴天</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="301"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="301"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="302"/>
        <source>Tilt</source>
        <translation>傾斜角</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="302"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="302"/>
        <source>Degradation</source>
        <translation>年劣化率</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="317"/>
        <source>Equipment</source>
        <translation>機器</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="318"/>
        <source>Soiling (mean)</source>
        <translation>汚れ（平均）</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="322"/>
        <source>Loss parameters [%]</source>
        <translation>損失パラメーター [%]</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="323"/>
        <source>Loss</source>
        <translation>損失項目</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="238"/>
        <source>synthetic ensemble</source>
        <translation>合成気象年のアンサンブル</translation>
    </message>
    <message>
        <location filename="../../app/report_pdf.py" line="239"/>
        <source>measured years</source>
        <translation>実測気象年</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../../widgets/plot_export.py" line="93"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="94"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 図 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="95"/>
        <source>Export plot</source>
        <translation>グラフのエクスポート</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="117"/>
        <source>Export as PNG…</source>
        <translation>PNG としてエクスポート…</translation>
    </message>
    <message>
        <location filename="../../widgets/plot_export.py" line="119"/>
        <source>Export as SVG…</source>
        <translation>SVG としてエクスポート…</translation>
    </message>
</context>
<context>
    <name>RoofEditor</name>
    <message>
        <location filename="../../widgets/roof_editor.py" line="15"/>
        <source>Roof</source>
        <translation>屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="16"/>
        <source>Flat</source>
        <translation>陸屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="16"/>
        <source>Pitched</source>
        <translation>勾配屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="18"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="19"/>
        <source>Roof type</source>
        <translation>屋根の種類</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="21"/>
        <source>Usable area</source>
        <translation>利用可能面積</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="22"/>
        <source>Pitch (tilt)</source>
        <translation>勾配（傾斜角）</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="22"/>
        <source>From horizontal</source>
        <translation>水平面からの角度</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="23"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="24"/>
        <source>Clockwise from north; 180° = south</source>
        <translation>北から時計回り。180° が真南</translation>
    </message>
    <message>
        <location filename="../../widgets/roof_editor.py" line="25"/>
        <source>Height</source>
        <translation>高さ</translation>
    </message>
</context>
<context>
    <name>SelectionPresenter</name>
    <message>
        <location filename="../../app/gui/presenter.py" line="114"/>
        <source>&lt;b&gt;Fleet&lt;/b&gt;&lt;br&gt;%1 parks, %2 kWp.&lt;br&gt;&lt;br&gt;Select a park, roof or array in the tree to edit it.</source>
        <extracomment>shown in ``editor_stack`` when the whole fleet is selected</extracomment>
        <translation>&lt;b&gt;全パーク&lt;/b&gt;&lt;br&gt;%1 パーク、%2 kWp。&lt;br&gt;&lt;br&gt;ツリーでパーク・屋根・アレイを選ぶと編集できます。</translation>
    </message>
    <message>
        <location filename="../../app/gui/presenter.py" line="124"/>
        <source>Whole fleet</source>
        <translation>全パーク</translation>
    </message>
    <message>
        <location filename="../../app/gui/presenter.py" line="126"/>
        <source>The loss breakdown is shown for parks and the whole fleet.</source>
        <translation>損失内訳はパーク単位と全パークで表示します。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/__main__.py" line="72"/>
        <source>Opening the window…</source>
        <translation>ウィンドウを開いています…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="88"/>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="98"/>
        <source>First start: preparing the demo fleet — weather of %1 (%2 of %3)</source>
        <translation>初回起動：デモ用フリートを準備中 — %1 の気象データ（%3 件中 %2 件目）</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="102"/>
        <source>First start: preparing the demo fleet…</source>
        <translation>初回起動：デモ用フリートを準備中…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="104"/>
        <source>Loading the equipment catalog…</source>
        <translation>機器カタログを読み込み中…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="106"/>
        <source>Loading the map of China…</source>
        <translation>中国の地図を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="108"/>
        <source>Loading the modelling libraries…</source>
        <translation>モデリングライブラリを読み込み中…</translation>
    </message>
</context>
<context>
    <name>SurveyConflictDialog</name>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="19"/>
        <source>Parks already in the fleet</source>
        <translation>パーク一覧に既にあるパーク</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="20"/>
        <source>Import under a new name</source>
        <translation>新しい名前で取り込む</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="20"/>
        <source>Replace the park in the fleet</source>
        <translation>パーク一覧のパークを置き換える</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="21"/>
        <source>Skip (keep the fleet&apos;s park)</source>
        <translation>スキップ（パーク一覧のパークを残す）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_conflict_dialog.py" line="22"/>
        <source>These parks of the package have the same name as parks in the fleet. Nothing is overwritten unless you choose Replace.</source>
        <translation>パッケージのこれらのパークはパーク一覧のパークと同じ名前です。「置き換え」を選ばない限り上書きされません。</translation>
    </message>
</context>
<context>
    <name>SurveyController</name>
    <message>
        <location filename="../../app/gui/survey_controller.py" line="205"/>
        <source>Save survey %1</source>
        <translation>現地調査 %1 を保存</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_controller.py" line="207"/>
        <source>Replace park %1 by survey</source>
        <translation>パーク %1 を現地調査で置換</translation>
    </message>
</context>
<context>
    <name>SurveyEstimatePanel</name>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="25"/>
        <source>Annual yield</source>
        <translation>年間発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="25"/>
        <source>Specific yield</source>
        <translation>kWp当たり発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="26"/>
        <source>DC capacity</source>
        <translation>直流設備容量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="26"/>
        <source>Self-consumption</source>
        <translation>自家消費率</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="27"/>
        <source>Roof load</source>
        <translation>屋根荷重</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="27"/>
        <source>Weather</source>
        <translation>気象データ</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="42"/>
        <source>Energy [MWh]</source>
        <translation>電力量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="52"/>
        <source>PV yield</source>
        <translation>PV発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="53"/>
        <location filename="../../widgets/survey_estimate_panel.py" line="112"/>
        <source>Consumption</source>
        <translation>消費電力量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="66"/>
        <source>Updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="76"/>
        <source>%1 MWh</source>
        <translation>%1 MWh</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="78"/>
        <source>%1 kWh/kWp</source>
        <translation>%1 kWh/kWp</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="79"/>
        <source>%1 kWp, %2 modules</source>
        <translation>%1 kWp、モジュール %2 枚</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="86"/>
        <source>%1 kg/m²</source>
        <translation>%1 kg/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="88"/>
        <source>within the allowed %1 kg/m²</source>
        <translation>許容 %1 kg/m² 以内</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="92"/>
        <source>exceeds the allowed %1 kg/m²</source>
        <translation>許容 %1 kg/m² を超過</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="94"/>
        <source>allowed load unknown</source>
        <translation>許容荷重は不明</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="98"/>
        <source>climate table (%1)</source>
        <translation>気候表（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="99"/>
        <source>typed monthly GHI</source>
        <translation>入力した月別全天日射量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="99"/>
        <source>default clearness (rough)</source>
        <translation>既定の晴天指数（概算）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="100"/>
        <source>synthetic year, %1</source>
        <translation>合成標準年、%1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="101"/>
        <source>Estimate in %1 s</source>
        <translation>推定 %1 秒</translation>
    </message>
</context>
<context>
    <name>SurveyForm</name>
    <message>
        <location filename="../../widgets/survey_form.py" line="81"/>
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="82"/>
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="170"/>
        <source>Site</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="172"/>
        <source>Park name</source>
        <translation>パーク名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="172"/>
        <source>Surveyed park</source>
        <translation>調査したパーク</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="173"/>
        <source>Coordinates</source>
        <translation>座標</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="174"/>
        <source>e.g. 31.38, 121.25 or 31°22&apos;48&quot;N 121°15&apos;E</source>
        <translation>例: 31.38, 121.25 または 31°22&apos;48&quot;N 121°15&apos;E</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="175"/>
        <source>Latitude and longitude, typed or pasted: decimal degrees, degrees-minutes-seconds, N/S/E/W letters</source>
        <translation>緯度と経度（入力または貼り付け）：10進度、度分秒、N/S/E/W の文字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="178"/>
        <source>Time zone found</source>
        <translation>判定したタイムゾーン</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="179"/>
        <source>Time zone override</source>
        <translation>タイムゾーンの指定</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="179"/>
        <source>empty: use the zone found</source>
        <translation>空欄: 判定したゾーンを使用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="181"/>
        <source>Altitude (pvlib map)</source>
        <translation>標高（pvlib の地図）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="182"/>
        <source>Altitude override</source>
        <translation>標高の指定</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="182"/>
        <source>empty: use the map</source>
        <translation>空欄: 地図の値を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="186"/>
        <source>Monthly GHI</source>
        <translation>月別全天日射量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="187"/>
        <source>Typed monthly GHI</source>
        <translation>月別日射量の入力</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="188"/>
        <source>12 values, January first, separated by spaces or semicolons</source>
        <translation>1月から12個の値、スペースまたはセミコロン区切り</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="189"/>
        <source>Used when no climate-table city is within reach; empty: the documented default</source>
        <translation>近くに気候表の都市がないときに使用。空欄: 文書化された既定値</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="190"/>
        <source>Floor area for consumption</source>
        <translation>消費電力用の床面積</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="191"/>
        <source>empty: no consumption preview</source>
        <translation>空欄: 消費電力の表示なし</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="192"/>
        <source>Warehouse floor area; a synthetic logistics-park load of this size is compared with the yield</source>
        <translation>倉庫の床面積。この規模の物流パークの合成負荷を発電量と比較します</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="197"/>
        <source>Roof</source>
        <translation>屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="199"/>
        <source>Roof name</source>
        <translation>屋根名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="199"/>
        <source>Roof 1</source>
        <translation>屋根 1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="200"/>
        <source>Outline</source>
        <translation>外形</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="200"/>
        <source>Rectangle</source>
        <translation>長方形</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="201"/>
        <source>Polygon (vertices)</source>
        <translation>多角形（頂点）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="203"/>
        <source>Length (along x)</source>
        <translation>長さ（x 方向）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="204"/>
        <source>Width (along y)</source>
        <translation>幅（y 方向）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="205"/>
        <location filename="../../widgets/survey_form.py" line="219"/>
        <source>x [m]</source>
        <translation>x [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="205"/>
        <location filename="../../widgets/survey_form.py" line="219"/>
        <source>y [m]</source>
        <translation>y [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="208"/>
        <source>Vertices</source>
        <translation>頂点</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="209"/>
        <source>Roof type</source>
        <translation>屋根の種類</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="209"/>
        <source>Flat</source>
        <translation>陸屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="210"/>
        <source>Pitched</source>
        <translation>勾配屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="212"/>
        <source>Pitch</source>
        <translation>勾配</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="213"/>
        <source>Modules face (azimuth)</source>
        <translation>モジュールの向き（方位角）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="214"/>
        <source>Compass direction the modules face, clockwise from north (180 = south); the y = 0 edge of the roof</source>
        <translation>モジュールが向く方位、北から時計回り（180 = 南）。屋根の y = 0 の辺</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="216"/>
        <source>Roof height</source>
        <translation>屋根の高さ</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="217"/>
        <source>Edge setback (walkway)</source>
        <translation>外周セットバック（通路）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="218"/>
        <source>Fire-code walkway kept free along every edge</source>
        <translation>各辺に沿って確保する消防用通路</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="219"/>
        <source>Length [m]</source>
        <translation>長さ [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="220"/>
        <location filename="../../widgets/survey_form.py" line="267"/>
        <source>Width [m]</source>
        <translation>幅 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="220"/>
        <source>Clearance [m]</source>
        <translation>離隔 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="223"/>
        <source>Keep-out areas</source>
        <translation>設置禁止エリア（天窓・空調機）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="224"/>
        <source>Allowed load</source>
        <translation>許容荷重</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="224"/>
        <source>empty: unknown</source>
        <translation>空欄: 不明</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="225"/>
        <source>Racking + ballast</source>
        <translation>架台 + バラスト</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="225"/>
        <source>empty: typical value</source>
        <translation>空欄: 標準値</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="226"/>
        <source>Per m² of module; take the racking vendor&apos;s figure when you have it</source>
        <translation>モジュール1 m²当たり。架台メーカーの値があればそれを使用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="230"/>
        <source>Modules</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="237"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="241"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="242"/>
        <source>Orientation</source>
        <translation>設置向き</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="242"/>
        <source>Portrait</source>
        <translation>縦置き</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="243"/>
        <source>Landscape</source>
        <translation>横置き</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="247"/>
        <source>Modules up a row</source>
        <translation>列あたりの段数</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="248"/>
        <source>Row spacing</source>
        <translation>アレイ間隔</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="249"/>
        <source>No shading at winter-solstice noon</source>
        <translation>冬至の南中時に影なし</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="250"/>
        <source>Chosen GCR</source>
        <translation>GCR を指定</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="252"/>
        <source>Row tilt</source>
        <translation>アレイ傾斜角</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="253"/>
        <source>GCR</source>
        <translation>GCR</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="257"/>
        <source>Shading</source>
        <translation>日影</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="259"/>
        <location filename="../../widgets/survey_form.py" line="266"/>
        <source>Azimuth [°]</source>
        <translation>方位角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="259"/>
        <source>Elevation [°]</source>
        <translation>仰角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="262"/>
        <source>Import PVGIS…</source>
        <translation>PVGIS を取り込む…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="265"/>
        <source>Horizon profile</source>
        <translation>地平線プロファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="266"/>
        <source>Height [m]</source>
        <translation>高さ [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="266"/>
        <source>Distance [m]</source>
        <translation>距離 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="270"/>
        <source>Obstacles</source>
        <translation>障害物</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="313"/>
        <source>Choose a module</source>
        <translation>モジュールを選択</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="326"/>
        <source>Import a PVGIS horizon file</source>
        <translation>PVGIS 地平線ファイルを取り込む</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="327"/>
        <source>PVGIS horizon (*.json *.csv *.txt);;All files (*)</source>
        <translation>PVGIS 地平線 (*.json *.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="333"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="365"/>
        <location filename="../../widgets/survey_form.py" line="411"/>
        <source>is required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="369"/>
        <source>“%1” is not a number</source>
        <translation>「%1」は数値ではありません</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="376"/>
        <source>row %1, %2: “%3” is not a number</source>
        <translation>%1 行目、%2: 「%3」は数値ではありません</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="416"/>
        <source> at character %1</source>
        <translation>（%1 文字目）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="418"/>
        <source>cannot read the coordinates%1: %2</source>
        <translation>座標を読めません%1: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="422"/>
        <source>%1 (found offline)</source>
        <translation>%1（オフラインで判定）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="423"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="429"/>
        <source>not accepted: %1</source>
        <translation>受け付けられません: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="436"/>
        <source>needs 12 numbers, January first (got %1)</source>
        <translation>1月から12個の数値が必要です（%1 個）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="451"/>
        <source>must be greater than %1</source>
        <translation>%1 より大きくしてください</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="459"/>
        <location filename="../../widgets/survey_form.py" line="516"/>
        <source>row %1, %2: %3</source>
        <translation>%1 行目、%2: %3</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="481"/>
        <source>Climate table: %1 (%2 km away)</source>
        <translation>気候表: %1（%2 km）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="484"/>
        <source>Typed values (no climate-table city within reach)</source>
        <translation>入力値（近くに気候表の都市なし）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="486"/>
        <source>Documented default: 0.62 × clear sky (no city within reach, nothing typed) – rough</source>
        <translation>文書化された既定値: 0.62 × 晴天日射（近くに都市なし・入力なし）– 概算</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="498"/>
        <source>needs at least 3 vertices</source>
        <translation>頂点が3つ以上必要です</translation>
    </message>
</context>
<context>
    <name>SurveyUi</name>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="63"/>
        <source>Survey</source>
        <translation>現地調査</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="68"/>
        <source>E&amp;xport survey package…</source>
        <translation>現地調査パッケージをエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="70"/>
        <source>&amp;Import survey package…</source>
        <translation>現地調査パッケージを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="102"/>
        <source>Park exists</source>
        <translation>パークが既にあります</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="103"/>
        <source>The fleet already has a park named %1. Replace it by this survey?</source>
        <translation>パーク一覧には既に %1 というパークがあります。この現地調査で置き換えますか？</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="111"/>
        <source>Saved %1 into the fleet – Ctrl+Z undoes it</source>
        <translation>%1 をパーク一覧に保存しました – Ctrl+Z で元に戻せます</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="115"/>
        <location filename="../../app/gui/survey_menu.py" line="119"/>
        <source>Export survey package</source>
        <translation>現地調査パッケージのエクスポート</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="115"/>
        <source>No park holds a survey yet: save a survey first.</source>
        <translation>現地調査のあるパークがまだありません。先に現地調査を保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="120"/>
        <source>Survey package (*.sfsurvey.json *.json)</source>
        <translation>現地調査パッケージ (*.sfsurvey.json *.json)</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="126"/>
        <source>The survey package could not be written.</source>
        <translation>現地調査パッケージを書き込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="128"/>
        <source>Exported %1 surveyed park(s) to %2</source>
        <translation>調査済みのパーク %1 件を %2 にエクスポートしました</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="139"/>
        <source>Import survey package</source>
        <translation>現地調査パッケージの取り込み</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="140"/>
        <source>Survey package (*.sfsurvey.json *.json);;All files (*)</source>
        <translation>現地調査パッケージ (*.sfsurvey.json *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="146"/>
        <source>The survey package was refused; the database is unchanged.</source>
        <translation>現地調査パッケージは拒否されました。データベースは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="150"/>
        <source>Added: %1</source>
        <translation>追加: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="151"/>
        <source>Replaced: %1</source>
        <translation>置換: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="152"/>
        <source>Skipped: %1</source>
        <translation>スキップ: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="154"/>
        <source>%1 imported as %2</source>
        <translation>%1 を %2 として取り込みました</translation>
    </message>
</context>
<context>
    <name>SurveyView</name>
    <message>
        <location filename="../../widgets/survey_view.py" line="53"/>
        <source>Save to fleet</source>
        <translation>パーク一覧に保存</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="54"/>
        <source>Add the surveyed park to the fleet (Ctrl+Z undoes it)</source>
        <translation>調査したパークをパーク一覧に追加（Ctrl+Z で元に戻す）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="83"/>
        <source>Type or paste the site&apos;s coordinates to start.</source>
        <translation>サイトの座標を入力または貼り付けて始めてください。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="95"/>
        <source>Check the fields marked in red.</source>
        <translation>赤で示した項目を確認してください。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="106"/>
        <source>No layout: %1</source>
        <translation>配置できません: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="118"/>
        <source>No module fits on the roof.</source>
        <translation>屋根にモジュールが収まりません。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="121"/>
        <source>Complete the form to see the layout.</source>
        <translation>フォームを入力するとモジュール配置が表示されます。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_view.py" line="133"/>
        <source>No estimate: %1</source>
        <translation>推定できません: %1</translation>
    </message>
</context>
<context>
    <name>TariffEditor</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="70"/>
        <source>Time-of-use tariff</source>
        <translation>時間帯別電気料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="71"/>
        <source>Valley price</source>
        <translation>谷間料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="71"/>
        <source>Flat price</source>
        <translation>平常料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="71"/>
        <source>Peak price</source>
        <translation>ピーク料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="72"/>
        <source>Critical-peak price</source>
        <translation>最大ピーク料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="73"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="74"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="76"/>
        <source>Empty: the period is not used</source>
        <translation>空欄：この時間帯は使わない</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="77"/>
        <source>Export price</source>
        <translation>売電単価</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="78"/>
        <source>This is the shipped EXAMPLE tariff: savings computed with it are labelled “example”. Applying your own prices makes it the park&apos;s tariff.</source>
        <translation>これは付属の料金例です。これで計算した削減額には「例」と表示されます。自社の単価を適用すると、このパークの料金になります。</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="85"/>
        <source>One season per line: name: months | 24 letters from 00:00, v valley, f flat, p peak, c critical peak</source>
        <translation>1 行に 1 季節：名前: 月 | 00:00 からの 24 文字、v 谷間、f 平常、p ピーク、c 最大ピーク</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="88"/>
        <source>Seasons</source>
        <translation>季節</translation>
    </message>
</context>
<context>
    <name>YieldPlot</name>
    <message>
        <location filename="../../widgets/yield_plot.py" line="61"/>
        <source>A week</source>
        <extracomment>the span selector&apos;s windows [d] (None: everything) what &quot;Automatic&quot; draws for a span</extracomment>
        <translation>1 週間</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="61"/>
        <source>A month</source>
        <translation>1 か月</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="62"/>
        <source>Whole period</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="66"/>
        <source>Hourly</source>
        <translation>時間別</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="66"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="67"/>
        <source>Daily</source>
        <translation>日別</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="67"/>
        <source>Monthly</source>
        <translation>月別</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="81"/>
        <source>Self-consumed PV</source>
        <translation>自家消費した PV 電力</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="82"/>
        <source>PV yield</source>
        <translation>PV 発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="83"/>
        <location filename="../../widgets/yield_plot.py" line="185"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="87"/>
        <source>No results yet: run the fleet (F5) to see yield against consumption.</source>
        <translation>計算結果はまだありません。F5 で計算すると発電量と消費電力を比較できます。</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="90"/>
        <source>Span:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="92"/>
        <source>Resolution:</source>
        <translation>集計単位：</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="161"/>
        <source>PV and consumption</source>
        <translation>発電量と消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="185"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="185"/>
        <source>Self-consumed</source>
        <translation>自家消費</translation>
    </message>
</context>
</TS>
