<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/application.py" line="115"/>
        <source>Read-only: %1 is being written by %2 (process %3 on %4, since %5). Editing and running are disabled; reopen the file when it is closed there.</source>
        <translation>読み取り専用：%1 は %2 が書き込み中です（%4 のプロセス %3、%5 から）。編集と実行は無効です。相手側でファイルが閉じられたら開き直してください。</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="122"/>
        <location filename="../../app/application.py" line="130"/>
        <source>Could not open the database.</source>
        <translation>データベースを開けませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="149"/>
        <source>Database in use</source>
        <translation>データベースは使用中です</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="151"/>
        <source>Open read-only</source>
        <translation>読み取り専用で開く</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="152"/>
        <source>Choose another file…</source>
        <translation>別のファイルを選択…</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="159"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="160"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/application.py" line="186"/>
        <source>A file of that name exists; choose File → Open to open it.</source>
        <translation>同じ名前のファイルがあります。「ファイル → 開く」で開いてください。</translation>
    </message>
</context>
<context>
    <name>ArrayEditor</name>
    <message>
        <location filename="../../widgets/array_editor.py" line="32"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="39"/>
        <source>PVWatts (nameplate power)</source>
        <translation>PVWatts（定格出力）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="39"/>
        <source>CEC module database</source>
        <translation>CEC モジュールデータベース</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="40"/>
        <source>PVWatts (DC/AC ratio)</source>
        <translation>PVWatts（過積載率）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="40"/>
        <source>CEC inverter database</source>
        <translation>CEC パワコンデータベース</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="41"/>
        <source>Open rack</source>
        <translation>架台設置（裏面通風）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="41"/>
        <source>Close mount</source>
        <translation>屋根近接設置</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="42"/>
        <source>Insulated back</source>
        <translation>裏面断熱設置</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="43"/>
        <source>Glass/polymer</source>
        <translation>ガラス／バックシート</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="43"/>
        <source>Glass/glass</source>
        <translation>両面ガラス</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="46"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="47"/>
        <source>DC model</source>
        <translation>直流モデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="48"/>
        <source>DC nameplate</source>
        <translation>直流定格容量</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="49"/>
        <source>Temperature coefficient</source>
        <translation>出力温度係数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="50"/>
        <source>Module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="51"/>
        <source>Modules per string</source>
        <translation>直列枚数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="52"/>
        <source>Strings</source>
        <translation>ストリング数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="53"/>
        <source>Tilt</source>
        <translation>傾斜角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <source>Empty: the roof&apos;s pitch</source>
        <translation>空欄：屋根の勾配を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="54"/>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <source>(from roof)</source>
        <translation>（屋根と同じ）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="55"/>
        <source>Azimuth</source>
        <translation>方位角</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="56"/>
        <source>Clockwise from north; empty: the roof&apos;s</source>
        <translation>北から時計回り。空欄：屋根の方位を使用</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="57"/>
        <source>Ground coverage ratio</source>
        <translation>設置面被覆率（GCR）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="58"/>
        <source>Rows on a flat roof; empty for a single flush row</source>
        <translation>陸屋根の複数列配置で入力。1列の平置きは空欄</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="59"/>
        <source>(single row)</source>
        <translation>（1列）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="60"/>
        <source>Racking</source>
        <translation>設置方式</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="61"/>
        <source>Module construction</source>
        <translation>モジュール構造</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="63"/>
        <source>Albedo</source>
        <translation>アルベド</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="64"/>
        <source>Inverter model</source>
        <translation>パワコンモデル</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="66"/>
        <source>DC/AC ratio</source>
        <translation>過積載率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="67"/>
        <source>Inverter efficiency</source>
        <translation>パワコン効率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="68"/>
        <source>Inverter</source>
        <translation>パワコン</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="69"/>
        <source>Inverters</source>
        <translation>パワコン台数</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="70"/>
        <source>Degradation</source>
        <translation>経年劣化率</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="71"/>
        <source>Commissioned</source>
        <translation>運転開始日</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="72"/>
        <source>Soiling, Jan…Dec</source>
        <translation>汚れ損失（1～12月）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Shading</source>
        <translation>影</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="74"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="75"/>
        <source>DC wiring</source>
        <translation>直流配線</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="75"/>
        <source>Connections</source>
        <translation>接続部</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Light-induced degradation</source>
        <translation>初期光劣化（LID）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="76"/>
        <source>Nameplate rating</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="77"/>
        <source>Availability</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="78"/>
        <source>%1 loss</source>
        <translation>%1損失</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="85"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="93"/>
        <source>Choose a module (CEC database)</source>
        <translation>モジュールを選択（CEC データベース）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="94"/>
        <source>STC power [W]</source>
        <translation>STC 出力 [W]</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="96"/>
        <source>Choose an inverter (CEC database)</source>
        <translation>パワコンを選択（CEC データベース）</translation>
    </message>
    <message>
        <location filename="../../widgets/array_editor.py" line="97"/>
        <source>AC rating [W]</source>
        <translation>定格交流出力 [W]</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="201"/>
        <source>Stale: inputs changed since the last run</source>
        <translation>古い結果：前回の計算後に入力が変更されました</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="207"/>
        <source>Installed capacity</source>
        <translation>設備容量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="207"/>
        <source>Annual yield</source>
        <translation>年間発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="208"/>
        <source>Specific yield</source>
        <translation>kW当たり年間発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="208"/>
        <source>Performance ratio</source>
        <translation>システム出力係数 PR</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="209"/>
        <source>Self-consumption</source>
        <translation>自家消費率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="209"/>
        <source>Self-sufficiency</source>
        <translation>自給率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="210"/>
        <source>Savings</source>
        <translation>電気料金削減額</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="210"/>
        <source>CO₂ avoided</source>
        <translation>CO₂ 削減量</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="223"/>
        <source>Loss waterfall</source>
        <translation>損失ウォーターフォール</translation>
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
        <location filename="../../app/errors.py" line="27"/>
        <source>SolarFleet – something went wrong</source>
        <translation>SolarFleet – エラーが発生しました</translation>
    </message>
    <message>
        <location filename="../../app/errors.py" line="33"/>
        <source>SolarFleet is still running; nothing was lost. The details are also in the log file.</source>
        <translation>SolarFleet は動作を続けています。データは失われていません。詳細はログファイルにも記録されています。</translation>
    </message>
    <message>
        <location filename="../../app/errors.py" line="39"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>FleetController</name>
    <message>
        <location filename="../../app/fleet_controller.py" line="141"/>
        <source>Edit park %1</source>
        <extracomment>A node of the fleet tree: ``()`` fleet, ``(park,)``, ``(park, roof)``, ``(park, roof, array)``.</extracomment>
        <translation>パーク %1 を編集</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="158"/>
        <source>Edit roof %1</source>
        <translation>屋根 %1 を編集</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="172"/>
        <source>Edit array %1</source>
        <translation>アレイ %1 を編集</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="178"/>
        <source>New park</source>
        <translation>新しいパーク</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="180"/>
        <source>Add park %1</source>
        <translation>パーク %1 を追加</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="187"/>
        <source>Roof</source>
        <translation>屋根</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="190"/>
        <source>Add roof %1</source>
        <translation>屋根 %1 を追加</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="199"/>
        <source>Array</source>
        <translation>アレイ</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="203"/>
        <source>Add array %1</source>
        <translation>アレイ %1 を追加</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="212"/>
        <source>%1 (copy)</source>
        <translation>%1（コピー）</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="229"/>
        <source>Delete park %1</source>
        <translation>パーク %1 を削除</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="233"/>
        <source>Delete roof %1</source>
        <translation>屋根 %1 を削除</translation>
    </message>
    <message>
        <location filename="../../app/fleet_controller.py" line="238"/>
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
        <location filename="../../widgets/fleet_tree_model.py" line="196"/>
        <source>No result yet</source>
        <translation>計算結果なし</translation>
    </message>
    <message>
        <location filename="../../widgets/fleet_tree_model.py" line="199"/>
        <source>Inputs changed since this result</source>
        <translation>この結果の計算後に入力が変更されました</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../widgets/form_editor.py" line="116"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="119"/>
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="307"/>
        <source>Not applied: %1 %2</source>
        <translation>適用されませんでした：%1 – %2</translation>
    </message>
    <message>
        <location filename="../../widgets/form_editor.py" line="309"/>
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
    <name>LossWaterfall</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="125"/>
        <source>Energy [MWh]</source>
        <translation>電力量 [MWh]</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="128"/>
        <location filename="../../widgets/dashboard.py" line="142"/>
        <source>Loss breakdown appears with the first result.</source>
        <translation>最初の計算結果が出ると損失内訳を表示します。</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="85"/>
        <source>Nominal (POA × STC)</source>
        <translation>公称（POA×STC）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="86"/>
        <source>Horizon shading</source>
        <translation>地平線による遮蔽</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="87"/>
        <source>Row-to-row shading</source>
        <translation>アレイ間の影</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="88"/>
        <location filename="../../widgets/dashboard.py" line="89"/>
        <source>Reflection (IAM)</source>
        <translation>入射角損失（IAM）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="90"/>
        <source>Temperature</source>
        <translation>温度損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="91"/>
        <source>Temperature and low light</source>
        <translation>温度・低照度損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="92"/>
        <source>Soiling</source>
        <translation>汚れ</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="93"/>
        <source>Shading</source>
        <translation>影</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="94"/>
        <source>Snow</source>
        <translation>積雪</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="95"/>
        <source>Mismatch</source>
        <translation>ミスマッチ</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <source>DC wiring</source>
        <translation>直流配線</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="97"/>
        <source>Connections</source>
        <translation>接続部</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="98"/>
        <source>LID</source>
        <translation>初期光劣化</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="99"/>
        <source>Nameplate</source>
        <translation>公称出力誤差</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="100"/>
        <source>Availability</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="101"/>
        <source>DC output</source>
        <translation>直流出力</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="102"/>
        <source>Inverter</source>
        <translation>パワコン損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="103"/>
        <source>Clipping</source>
        <translation>ピークカット</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="104"/>
        <source>Degradation</source>
        <translation>経年劣化率</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="105"/>
        <source>Other system losses</source>
        <translation>その他のシステム損失</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="106"/>
        <source>AC output</source>
        <translation>交流出力</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="62"/>
        <source>[read-only]</source>
        <translation>[読み取り専用]</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="80"/>
        <source>Fleet</source>
        <translation>パーク一覧</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="93"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Yield vs consumption</source>
        <translation>発電量と消費電力</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Heat map</source>
        <translation>ヒートマップ</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Monthly</source>
        <translation>月別</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="102"/>
        <source>Map</source>
        <translation>地図</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="108"/>
        <source>Read-only: another program writes this database.</source>
        <translation>読み取り専用：別のプログラムがこのデータベースに書き込んでいます。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="146"/>
        <source>&amp;New database…</source>
        <translation>新規データベース(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="148"/>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="150"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="151"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="154"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="157"/>
        <source>Add &amp;park</source>
        <translation>パークを追加(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="159"/>
        <source>Add &amp;roof</source>
        <translation>屋根を追加(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="160"/>
        <source>Add &amp;array</source>
        <translation>アレイを追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="161"/>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="162"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="169"/>
        <source>&amp;Run fleet</source>
        <translation>全パークを計算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="170"/>
        <source>Simulate every park; results fill in park by park</source>
        <translation>全パークを計算します。結果はパークごとに表示されます</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="171"/>
        <source>&amp;Cancel run</source>
        <translation>計算を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="174"/>
        <source>&amp;About SolarFleet</source>
        <translation>SolarFleet について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="178"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="180"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="184"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="188"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="190"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="193"/>
        <source>System default</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="201"/>
        <source>&amp;Run</source>
        <translation>計算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="203"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="205"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="216"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="223"/>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="236"/>
        <source>The change could not be saved.</source>
        <translation>変更を保存できませんでした。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="242"/>
        <source>The run failed: %1</source>
        <translation>計算に失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="294"/>
        <source>Read-only session: running is disabled</source>
        <translation>読み取り専用セッション：実行は無効です</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="295"/>
        <source>Run fleet (F5)</source>
        <translation>全パークを計算（F5）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="296"/>
        <source>No simulation is connected in this build</source>
        <translation>このビルドにはシミュレーションが接続されていません</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="302"/>
        <source>No run yet</source>
        <translation>未計算</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="305"/>
        <source>Last run: %1</source>
        <translation>前回の計算：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="314"/>
        <location filename="../../app/main_window.py" line="318"/>
        <source>Not done: %1</source>
        <translation>実行できません：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="340"/>
        <source>Deleted %1 – Ctrl+Z brings it back</source>
        <translation>%1 を削除しました – Ctrl+Z で元に戻せます</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="355"/>
        <source>Simulating %1 (%2 of %3)</source>
        <translation>%1 を計算中（%2/%3）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="363"/>
        <source>Run cancelled; finished parks are shown.</source>
        <translation>計算を中止しました。完了したパークの結果は表示されます。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="364"/>
        <source>Run finished.</source>
        <translation>計算が完了しました。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="370"/>
        <source>Importing weather or load files is not available in this build.</source>
        <translation>このビルドでは気象・負荷ファイルの取り込みはできません。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="375"/>
        <source>Import report</source>
        <translation>取り込み結果</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="376"/>
        <source>The import failed: %1</source>
        <translation>取り込みに失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="387"/>
        <source>New database</source>
        <translation>新規データベース</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="387"/>
        <source>SolarFleet database (*.db)</source>
        <translation>SolarFleet データベース (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="392"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="393"/>
        <source>SolarFleet database (*.db);;All files (*)</source>
        <translation>SolarFleet データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="398"/>
        <source>About SolarFleet</source>
        <translation>SolarFleet について</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="399"/>
        <source>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;Rooftop PV across logistics parks: pvlib physics, a local SQLite file, yield against consumption.</source>
        <translation>&lt;b&gt;SolarFleet %1&lt;/b&gt;&lt;br&gt;物流パークの屋根置き太陽光：pvlib による物理モデル、ローカルの SQLite ファイル、発電量と消費電力の比較。</translation>
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
        <location filename="../../widgets/park_map.py" line="57"/>
        <source>Longitude [°E]</source>
        <translation>経度 [°E]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="58"/>
        <source>Latitude [°N]</source>
        <translation>緯度 [°N]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="65"/>
        <source>Specific yield [kWh/kWp]</source>
        <translation>kW当たり年間発電量 [kWh/kWp]</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="69"/>
        <source>No parks to show.</source>
        <translation>表示するパークがありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/park_map.py" line="71"/>
        <source>Marker size: DC capacity. Colour: specific yield (grey: no result yet).</source>
        <translation>円の大きさ：直流容量。色：kW当たり年間発電量（灰色：結果なし）。</translation>
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
        <location filename="../../app/presenter.py" line="59"/>
        <source>&lt;b&gt;Fleet&lt;/b&gt;&lt;br&gt;%1 parks, %2 kWp.&lt;br&gt;&lt;br&gt;Select a park, roof or array in the tree to edit it.</source>
        <translation>&lt;b&gt;全パーク&lt;/b&gt;&lt;br&gt;%1 パーク、%2 kWp。&lt;br&gt;&lt;br&gt;ツリーでパーク・屋根・アレイを選ぶと編集できます。</translation>
    </message>
    <message>
        <location filename="../../app/presenter.py" line="69"/>
        <source>Whole fleet</source>
        <translation>全パーク</translation>
    </message>
    <message>
        <location filename="../../app/presenter.py" line="71"/>
        <source>The loss breakdown is shown for parks and the whole fleet.</source>
        <translation>損失内訳はパーク単位と全パークで表示します。</translation>
    </message>
</context>
<context>
    <name>YieldPlot</name>
    <message>
        <location filename="../../widgets/yield_plot.py" line="31"/>
        <source>Hourly</source>
        <translation>時間別</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="31"/>
        <source>Daily</source>
        <translation>日別</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="32"/>
        <source>Monthly</source>
        <translation>月別</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="46"/>
        <source>Self-consumed PV</source>
        <translation>自家消費した PV 電力</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="47"/>
        <source>PV yield</source>
        <translation>PV 発電量</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="48"/>
        <location filename="../../widgets/yield_plot.py" line="137"/>
        <source>Consumption</source>
        <translation>消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="52"/>
        <source>No results yet: run the fleet (F5) to see yield against consumption.</source>
        <translation>計算結果はまだありません。F5 で計算すると発電量と消費電力を比較できます。</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="55"/>
        <source>Resolution:</source>
        <translation>集計単位：</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="116"/>
        <source>PV and consumption</source>
        <translation>発電量と消費電力</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="137"/>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../widgets/yield_plot.py" line="137"/>
        <source>Self-consumed</source>
        <translation>自家消費</translation>
    </message>
</context>
</TS>
