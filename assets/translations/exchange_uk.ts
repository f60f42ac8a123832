<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>From device</source>
        <translation>З пристрою</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Поля, що відрізняються</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Залишити нашу</translation>
    </message>
    <message>
        <source>Why keep this store&apos;s version? (required; the record&apos;s history keeps it)</source>
        <translation>Чому залишити версію цього сховища? (обов’язково; зберігається в історії запису)</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Прийняти їхню</translation>
    </message>
    <message>
        <source>Why take {device}&apos;s version? (required; the record&apos;s history keeps it)</source>
        <translation>Чому прийняти версію з {device}? (обов’язково; зберігається в історії запису)</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>Конфлікти ({count})</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфлікти</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>open</source>
        <translation>відкритий</translation>
    </message>
    <message>
        <source>kept ours</source>
        <translation>залишено нашу</translation>
    </message>
    <message>
        <source>kept theirs</source>
        <translation>прийнято їхню</translation>
    </message>
    <message>
        <source>kept {side}</source>
        <translation>залишено: {side}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>Показати вирішені</translation>
    </message>
    <message>
        <source>A record changed both in this store and on a field device. This store&apos;s record stays as it is until you decide which version to keep; the other is kept with the conflict. Nothing is deleted.</source>
        <translation>Запис змінено і в цьому сховищі, і на польовому пристрої. Запис цього сховища залишається без змін, доки ви не вирішите, яку версію залишити; інша версія зберігається разом із конфліктом. Нічого не видаляється.</translation>
    </message>
    <message>
        <source>Select a conflict to see both versions.</source>
        <translation>Виберіть конфлікт, щоб побачити обидві версії.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Ours (this store)</source>
        <translation>Наша (це сховище)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Їхня</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Відкрити запис</translation>
    </message>
    <message>
        <source>Keep ours…</source>
        <translation>Залишити нашу…</translation>
    </message>
    <message>
        <source>This store&apos;s record stays as it is.</source>
        <translation>Запис цього сховища залишається без змін.</translation>
    </message>
    <message>
        <source>Take theirs…</source>
        <translation>Прийняти їхню…</translation>
    </message>
    <message>
        <source>Their values become a new version of the record.</source>
        <translation>Їхні значення стають новою версією запису.</translation>
    </message>
    <message>
        <source>{device}, package {package}</source>
        <translation>{device}, пакет {package}</translation>
    </message>
    <message>
        <source>No conflict waiting for a decision.</source>
        <translation>Немає конфліктів, що очікують рішення.</translation>
    </message>
    <message>
        <source>Decided: {state} by {decision}.</source>
        <translation>Вирішено: {state}; {decision}.</translation>
    </message>
    <message>
        <source>Theirs: version {their_version} from {device} (package {package}), made by {made}, last changed by {changed}. Ours: version {our_version} when the conflict arose.</source>
        <translation>Їхня: версія {their_version} з {device} (пакет {package}), створено: {made}, востаннє змінено: {changed}. Наша: версія {our_version} на момент виникнення конфлікту.</translation>
    </message>
    <message>
        <source>Theirs ({device})</source>
        <translation>Їхня ({device})</translation>
    </message>
    <message>
        <source>A reason is required: say why this version is kept. Nothing was changed.</source>
        <translation>Потрібна причина: укажіть, чому залишено цю версію. Нічого не змінено.</translation>
    </message>
    <message>
        <source>Deciding the conflict…</source>
        <translation>Вирішення конфлікту…</translation>
    </message>
    <message>
        <source>Conflict decided: {kept} for {title}; the record&apos;s history shows it.</source>
        <translation>Конфлікт вирішено: {kept} для «{title}»; це видно в історії запису.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>Значення, розділені комами (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Excel workbook, one sheet per kind (*.xlsx)</source>
        <translation>Книга Excel, окремий аркуш для кожного виду (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files in a .zip, one per kind (*.zip)</source>
        <translation>Файли CSV в архіві .zip, окремий для кожного виду (*.zip)</translation>
    </message>
    <message>
        <source>JSON document (*.json)</source>
        <translation>Документ JSON (*.json)</translation>
    </message>
    <message>
        <source>Export recovery places</source>
        <translation>Експорт місць вилучення</translation>
    </message>
    <message>
        <source>Recovered items with a latitude and longitude become points on a map (GeoJSON, which QGIS opens). Withdrawn items are left out; items without coordinates, or with impossible ones, are counted.</source>
        <translation>Вилучені зразки з широтою і довготою стають точками на карті (GeoJSON, який відкриває QGIS). Відкликані зразки не включаються; зразки без координат або з неможливими координатами підраховуються.</translation>
    </message>
    <message>
        <source>All weapon system types</source>
        <translation>Усі типи систем озброєння</translation>
    </message>
    <message>
        <source>Weapon system type</source>
        <translation>Тип системи озброєння</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>РРРР-ММ-ДД (необов&apos;язково)</translation>
    </message>
    <message>
        <source>Recovered from</source>
        <translation>Вилучено з</translation>
    </message>
    <message>
        <source>Recovered until</source>
        <translation>Вилучено до</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Вибрати файл…</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>&amp;Експорт списку…</translation>
    </message>
    <message>
        <source>Export the &amp;whole store…</source>
        <translation>Експорт &amp;усього сховища…</translation>
    </message>
    <message>
        <source>Export recovery &amp;places (GeoJSON)…</source>
        <translation>Експорт &amp;місць вилучення (GeoJSON)…</translation>
    </message>
    <message>
        <source>&amp;Export the list of {kinds}…</source>
        <translation>&amp;Експорт списку: {kinds}…</translation>
    </message>
    <message>
        <source>Export the list of {kinds}</source>
        <translation>Експорт списку: {kinds}</translation>
    </message>
    <message>
        <source>Exporting {kinds}…</source>
        <translation>Експорт: {kinds}…</translation>
    </message>
    <message>
        <source>Export the whole store</source>
        <translation>Експорт усього сховища</translation>
    </message>
    <message>
        <source>Exporting the whole store…</source>
        <translation>Експорт усього сховища…</translation>
    </message>
    <message>
        <source>{count} records of {kinds} kinds</source>
        <translation>записів: {count}, видів: {kinds}</translation>
    </message>
    <message>
        <source>{count} {kinds}</source>
        <translation>{kinds}: {count}</translation>
    </message>
    <message>
        <source>Wrote {what} to {path} (highest handling marking: {marking}).</source>
        <translation>Експорт у {path} завершено — {what} (найвищий гриф: {marking}).</translation>
    </message>
    <message>
        <source>Exporting recovery places…</source>
        <translation>Експорт місць вилучення…</translation>
    </message>
    <message>
        <source>{count} recovered item without coordinates</source>
        <translation>без координат: {count}</translation>
    </message>
    <message>
        <source>{count} recovered items without coordinates</source>
        <translation>без координат: {count}</translation>
    </message>
    <message>
        <source>{count} recovered item with impossible coordinates ({items})</source>
        <translation>з неможливими координатами: {count} ({items})</translation>
    </message>
    <message>
        <source>{count} recovered items with impossible coordinates ({items})</source>
        <translation>з неможливими координатами: {count} ({items})</translation>
    </message>
    <message>
        <source>; left out {what}</source>
        <translation>; не включено вилучених зразків — {what}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> і </translation>
    </message>
    <message>
        <source>{count} recovery place</source>
        <translation>{count} місце вилучення</translation>
    </message>
    <message>
        <source>{count} recovery places</source>
        <translation>місць вилучення: {count}</translation>
    </message>
    <message>
        <source>Wrote {places} to {path}{tail}.</source>
        <translation>Експорт у {path} завершено — {places}{tail}.</translation>
    </message>
    <message>
        <source>custody events</source>
        <translation>події зберігання</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv);;All files (*)</source>
        <translation>Таблиці (*.csv *.xlsx *.txt *.tsv);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Імпорт таблиці</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Читання…</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>Не вдалося прочитати файл: {error}</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Перевірка рядків…</translation>
    </message>
    <message>
        <source>The preview could not be made.</source>
        <translation>Не вдалося підготувати попередній перегляд.</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}: {done} з {total}</translation>
    </message>
    <message>
        <source>Checking the rows: {done} of {total}…</source>
        <translation>Перевірка рядків: {done} з {total}…</translation>
    </message>
    <message>
        <source>Importing {sheet}…</source>
        <translation>Імпорт {sheet}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <source>Checking the rows again…</source>
        <translation>Повторна перевірка рядків…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Imported {sheet}: {summary}.</source>
        <translation>Імпортовано {sheet}: {summary}.</translation>
    </message>
    <message>
        <source> Save the refused rows to correct them and import them again.</source>
        <translation> Збережіть відхилені рядки, щоб виправити їх та імпортувати знову.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported; the store is as it was.</source>
        <translation>Скасовано: нічого не імпортовано; сховище не змінилося.</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Нічого не імпортовано: {error}</translation>
    </message>
    <message>
        <source>Save the refused rows</source>
        <translation>Зберегти відхилені рядки</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>Значення, розділені комами (*.csv)</translation>
    </message>
    <message>
        <source>Saved {count} refused rows to {path}.</source>
        <translation>Відхилені рядки ({count}) збережено у {path}.</translation>
    </message>
    <message>
        <source>The refused rows were not saved: {error}</source>
        <translation>Відхилені рядки не збережено: {error}</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>&amp;Import {count} row</source>
        <translation>&amp;Імпортувати {count} рядок</translation>
    </message>
    <message>
        <source>&amp;Import {count} rows</source>
        <translation>&amp;Імпортувати рядки ({count})</translation>
    </message>
</context>
<context>
    <name>ImportLayout</name>
    <message>
        <source>comma</source>
        <translation>кома</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>крапка з комою</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляція</translation>
    </message>
    <message>
        <source>bar |</source>
        <translation>риска |</translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation>цілком надійне</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>зазвичай надійне</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>достатньо надійне</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>зазвичай ненадійне</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>ненадійне</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>надійність неможливо оцінити</translation>
    </message>
    <message>
        <source>confirmed by other sources</source>
        <translation>підтверджено іншими джерелами</translation>
    </message>
    <message>
        <source>probably true</source>
        <translation>імовірно правдиве</translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation>можливо правдиве</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>сумнівне</translation>
    </message>
    <message>
        <source>improbable</source>
        <translation>малоймовірне</translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation>достовірність неможливо оцінити</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>визначено</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>Імпорт таблиці</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>a CSV file or an Excel workbook (.xlsx)</source>
        <translation>файл CSV або книга Excel (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>О&amp;гляд…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Аркуш</translation>
    </message>
    <message>
        <source>E&amp;ncoding</source>
        <translation>&amp;Кодування</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>&amp;Розділювач</translation>
    </message>
    <message>
        <source>What the rows are</source>
        <translation>Що містять рядки</translation>
    </message>
    <message>
        <source>&amp;Published list</source>
        <translation>&amp;Опублікований список</translation>
    </message>
    <message>
        <source>Rows &amp;are</source>
        <translation>Р&amp;ядки — це</translation>
    </message>
    <message>
        <source>Cite every row &amp;to</source>
        <translation>Посилатися для кожного рядка &amp;на</translation>
    </message>
    <message>
        <source>title of the source the rows come from (optional)</source>
        <translation>назва джерела, з якого взято рядки (необов’язково)</translation>
    </message>
    <message>
        <source>Reliabilit&amp;y</source>
        <translation>Надійні&amp;сть</translation>
    </message>
    <message>
        <source>Credi&amp;bility</source>
        <translation>&amp;Достовірність</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Стовпці</translation>
    </message>
    <message>
        <source>Preview (nothing is written yet)</source>
        <translation>Попередній перегляд (ще нічого не записано)</translation>
    </message>
    <message>
        <source>First rows as read</source>
        <translation>Перші рядки, як їх прочитано</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>Відхилені рядки</translation>
    </message>
    <message>
        <source>Save &amp;refused rows…</source>
        <translation>&amp;Зберегти відхилені рядки…</translation>
    </message>
    <message>
        <source>Write the refused rows, with row, column and reason, to a CSV file to correct and import again</source>
        <translation>Записати відхилені рядки (з номером рядка, стовпцем і причиною) у файл CSV, щоб виправити їх та імпортувати знову</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>Читати як {encoding}</translation>
    </message>
    <message>
        <source>{rows} row under a header of {columns} columns</source>
        <translation>{rows} рядок; стовпців у заголовку: {columns}</translation>
    </message>
    <message>
        <source>{rows} rows under a header of {columns} columns</source>
        <translation>Рядків: {rows}; стовпців у заголовку: {columns}</translation>
    </message>
    <message>
        <source>None: map the columns below</source>
        <translation>Немає: зіставте стовпці нижче</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Рядок</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Стовпець</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Refused rows ({count})</source>
        <translation>Відхилені рядки ({count})</translation>
    </message>
    <message>
        <source>Rows are cited to “{title}”, a new source graded {grade}.</source>
        <translation>Рядки посилаються на «{title}» — нове джерело з оцінкою {grade}.</translation>
    </message>
    <message>
        <source>Rows are cited to “{title}”, a source already in the store (its grade there is kept).</source>
        <translation>Рядки посилаються на «{title}» — джерело, що вже є в сховищі (його оцінка там зберігається).</translation>
    </message>
    <message>
        <source>no source (give its title below)</source>
        <translation>жодне джерело (укажіть його назву нижче)</translation>
    </message>
    <message>
        <source>This is the {layout} list: each row becomes a component finding cited to {cited}, filed under one recovered item per weapon (“{prefix}: &lt;weapon&gt;”). Parts and makers the store lacks are added; “Not identified” makers stay empty; rows already in the store are recognised by part number (or marking) and weapon.</source>
        <translation>Це список {layout}: кожен рядок стає виявленим компонентом із посиланням на {cited} і зараховується до одного вилученого зразка на кожен зразок зброї («{prefix}: &lt;зброя&gt;»). Деталі й виробники, яких немає в сховищі, додаються; виробники «Not identified» залишаються порожніми; рядки, що вже є в сховищі, розпізнаються за номером деталі (або маркуванням) і зброєю.</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>Case packages (*.zip);;All files (*)</source>
        <translation>Пакети справи (*.zip);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Receipts (*.json);;All files (*)</source>
        <translation>Квитанції (*.json);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Case &amp;package</source>
        <translation>&amp;Пакет справи</translation>
    </message>
    <message>
        <source>E&amp;xport package…</source>
        <translation>&amp;Експорт пакета…</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>&amp;Імпорт пакета…</translation>
    </message>
    <message>
        <source>Import &amp;receipt…</source>
        <translation>Імпорт &amp;квитанції…</translation>
    </message>
    <message>
        <source>&amp;Synchronise with shared store…</source>
        <translation>&amp;Синхронізувати зі спільним сховищем…</translation>
    </message>
    <message>
        <source>Exchange &amp;status…</source>
        <translation>С&amp;тан обміну…</translation>
    </message>
    <message>
        <source>Export a case package</source>
        <translation>Експорт пакета справи</translation>
    </message>
    <message>
        <source>Writing the case package…</source>
        <translation>Запис пакета справи…</translation>
    </message>
    <message>
        <source>Wrote a case package of {records}{kinds} and {pictures} to {path}. Import its receipt here once the shared store has taken it in.</source>
        <translation>Пакет справи записано у {path} — {records}{kinds}, {pictures}. Імпортуйте його квитанцію тут, щойно спільне сховище прийме пакет.</translation>
    </message>
    <message>
        <source>Import a case package</source>
        <translation>Імпорт пакета справи</translation>
    </message>
    <message>
        <source>Importing the case package…</source>
        <translation>Імпорт пакета справи…</translation>
    </message>
    <message>
        <source>Case package imported</source>
        <translation>Пакет справи імпортовано</translation>
    </message>
    <message>
        <source>Import a receipt</source>
        <translation>Імпорт квитанції</translation>
    </message>
    <message>
        <source>Importing the receipt…</source>
        <translation>Імпорт квитанції…</translation>
    </message>
    <message>
        <source>{versions} is now delivered; {records} not yet delivered.</source>
        <translation>Тепер доставлено — {versions}; ще не доставлено — {records}.</translation>
    </message>
    <message>
        <source>{versions} are now delivered; {records} not yet delivered.</source>
        <translation>Тепер доставлено — {versions}; ще не доставлено — {records}.</translation>
    </message>
    <message>
        <source>{device} confirms it holds package {package} ({outcomes}).</source>
        <translation>{device} підтверджує, що має пакет {package} ({outcomes}).</translation>
    </message>
    <message>
        <source>Receipt imported: {versions} now delivered.</source>
        <translation>Квитанцію імпортовано; тепер доставлено — {versions}.</translation>
    </message>
    <message>
        <source>Receipt imported</source>
        <translation>Квитанцію імпортовано</translation>
    </message>
    <message>
        <source>Synchronising with the shared store…</source>
        <translation>Синхронізація зі спільним сховищем…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Password for {target}:</source>
        <translation>Пароль для {target}:</translation>
    </message>
    <message>
        <source>{versions} now delivered here; {records} not yet delivered.</source>
        <translation>Тут тепер доставлено — {versions}; ще не доставлено — {records}.</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Синхронізовано</translation>
    </message>
    <message>
        <source>Merged into {target}: {headline}</source>
        <translation>Об’єднано з {target}: {headline}</translation>
    </message>
    <message>
        <source>This package from {device} was imported before; nothing changed.</source>
        <translation>Цей пакет із {device} уже імпортовано раніше; нічого не змінено.</translation>
    </message>
    <message>
        <source>{records} from {device}, taken in as one transaction.</source>
        <translation>Із {device} прийнято однією транзакцією — {records}.</translation>
    </message>
    <message>
        <source>{conflicts}: a record changed both here and on {device}. This store&apos;s record stays as it is until someone decides on the Conflicts page.</source>
        <translation>Виявлено {conflicts} — запис змінено і тут, і на {device}. Запис цього сховища залишається без змін, доки хтось не ухвалить рішення на сторінці «Конфлікти».</translation>
    </message>
    <message>
        <source>Receipt written to {path}. Import it on {device} (File → Case package → Import receipt…); only then are the records counted as delivered there.</source>
        <translation>Квитанцію записано у {path}. Імпортуйте її на {device} (Файл → Пакет справи → Імпорт квитанції…); лише тоді записи вважатимуться там доставленими.</translation>
    </message>
</context>
<context>
    <name>PhotoDetails</name>
    <message>
        <source>normal</source>
        <translation>звичайна</translation>
    </message>
    <message>
        <source>mirrored horizontally</source>
        <translation>віддзеркалено по горизонталі</translation>
    </message>
    <message>
        <source>rotated 180°</source>
        <translation>повернуто на 180°</translation>
    </message>
    <message>
        <source>mirrored vertically</source>
        <translation>віддзеркалено по вертикалі</translation>
    </message>
    <message>
        <source>mirrored horizontally, rotated 270° clockwise</source>
        <translation>віддзеркалено по горизонталі, повернуто на 270° за годинниковою стрілкою</translation>
    </message>
    <message>
        <source>rotated 90° clockwise</source>
        <translation>повернуто на 90° за годинниковою стрілкою</translation>
    </message>
    <message>
        <source>mirrored horizontally, rotated 90° clockwise</source>
        <translation>віддзеркалено по горизонталі, повернуто на 90° за годинниковою стрілкою</translation>
    </message>
    <message>
        <source>rotated 270° clockwise</source>
        <translation>повернуто на 270° за годинниковою стрілкою</translation>
    </message>
    <message>
        <source>GPS position: a hint for the recovery place; it is never applied automatically.</source>
        <translation>Позиція GPS — лише підказка щодо місця вилучення; вона ніколи не застосовується автоматично.</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Назва файлу</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Прикріплено до</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Додано</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Знято</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Об’єктив</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Орієнтація</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} пікс.</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <source>{readable} ({bytes} bytes)</source>
        <translation>{readable} ({bytes} байт)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не записано</translation>
    </message>
    <message>
        <source>none in the picture</source>
        <translation>у знімку немає</translation>
    </message>
    <message>
        <source>{altitude} m</source>
        <translation>{altitude} м</translation>
    </message>
    <message>
        <source>{name} (EXIF {value}); shown upright</source>
        <translation>{name} (EXIF {value}); показано вертикально</translation>
    </message>
    <message>
        <source> on {moment} UTC</source>
        <translation>, {moment} UTC</translation>
    </message>
    <message>
        <source>Select a photo to see what is known about it.</source>
        <translation>Виберіть фото, щоб побачити, що про нього відомо.</translation>
    </message>
    <message>
        <source>What the photo shows</source>
        <translation>Що зображено на фото</translation>
    </message>
    <message>
        <source>Save caption</source>
        <translation>Зберегти підпис</translation>
    </message>
    <message>
        <source>Open viewer</source>
        <translation>Переглянути</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Підпис</translation>
    </message>
    <message>
        <source>The SHA-256 of the original file, exactly as it was added</source>
        <translation>SHA-256 оригінального файлу — точно такого, яким його додано</translation>
    </message>
    <message>
        <source>Copy the SHA-256</source>
        <translation>Копіювати SHA-256</translation>
    </message>
    <message>
        <source>Use as recovery place…</source>
        <translation>Використати як місце вилучення…</translation>
    </message>
    <message>
        <source>Fill the item&apos;s latitude and longitude with this position (after you confirm; the item is saved only when you save it)</source>
        <translation>Заповнити широту й довготу зразка цією позицією (після вашого підтвердження; зразок буде збережено, лише коли ви його збережете)</translation>
    </message>
    <message>
        <source> · photo of a finding</source>
        <translation> · фото виявленого компонента</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.JPG *.JPEG *.PNG *.TIF *.TIFF *.WEBP *.HEIC *.HEIF);;All files (*)</source>
        <translation>Зображення (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.JPG *.JPEG *.PNG *.TIF *.TIFF *.WEBP *.HEIC *.HEIF);;Усі файли (*)</translation>
    </message>
    <message>
        <source>{count} photo</source>
        <translation>{count} фото</translation>
    </message>
    <message>
        <source>{count} photos</source>
        <translation>{count} фото</translation>
    </message>
    <message>
        <source>a “{suffix}” file, not a picture</source>
        <translation>файл «{suffix}», не зображення</translation>
    </message>
    <message>
        <source>no file extension, not a picture</source>
        <translation>без розширення, не зображення</translation>
    </message>
    <message>
        <source>{photos} added.</source>
        <translation>Додано {photos}.</translation>
    </message>
    <message>
        <source>{count} skipped (JPEG, PNG, TIFF, WebP and HEIC/HEIF pictures are added):</source>
        <translation>Пропущено ({count}); додаються зображення JPEG, PNG, TIFF, WebP і HEIC/HEIF:</translation>
    </message>
    <message>
        <source>You cancelled: the files after that point were not added.</source>
        <translation>Ви скасували: файли після цього моменту не додано.</translation>
    </message>
    <message>
        <source>{count} already attached here (not added twice).</source>
        <translation>Уже прикріплено тут ({count}); повторно не додано.</translation>
    </message>
    <message>
        <source>{count} not added:</source>
        <translation>Не додано ({count}):</translation>
    </message>
    <message>
        <source>Stopped at {file}, which was not added: {reason}</source>
        <translation>Зупинено на файлі {file}, його не додано: {reason}</translation>
    </message>
    <message>
        <source>The photos added before it are kept; add the others again once the problem is solved.</source>
        <translation>Фото, додані до нього, збережено; додайте решту знову, коли проблему буде усунено.</translation>
    </message>
    <message>
        <source>{count} not attempted:</source>
        <translation>Не оброблено ({count}):</translation>
    </message>
    <message>
        <source>…and {count} more.</source>
        <translation>…і ще {count}.</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>Додавання фото…</translation>
    </message>
    <message>
        <source>; stopped at {file}</source>
        <translation>; зупинено на {file}</translation>
    </message>
    <message>
        <source>; {count} not pictures skipped</source>
        <translation>; пропущено файлів, що не є зображеннями: {count}</translation>
    </message>
    <message>
        <source>{photos} added</source>
        <translation>Додано {photos}</translation>
    </message>
    <message>
        <source>Adding photos stopped</source>
        <translation>Додавання фото зупинено</translation>
    </message>
    <message>
        <source>Adding photos</source>
        <translation>Додавання фото</translation>
    </message>
    <message>
        <source>The clipboard holds no picture</source>
        <translation>У буфері обміну немає зображення</translation>
    </message>
    <message>
        <source>Adding the pasted picture…</source>
        <translation>Додавання вставленого зображення…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставити</translation>
    </message>
    <message>
        <source>This picture is already attached here.</source>
        <translation>Це зображення вже прикріплено тут.</translation>
    </message>
    <message>
        <source>Pasted picture added as {file}</source>
        <translation>Вставлене зображення додано як {file}</translation>
    </message>
    <message>
        <source>Saving the caption…</source>
        <translation>Збереження підпису…</translation>
    </message>
    <message>
        <source>Caption saved</source>
        <translation>Підпис збережено</translation>
    </message>
    <message>
        <source>Use the photo&apos;s GPS position</source>
        <translation>Використати позицію GPS із фото</translation>
    </message>
    <message>
        <source>Fill the item&apos;s latitude and longitude with {latitude}, {longitude} from “{file}”?

A camera&apos;s position is only a hint (the photo may have been taken elsewhere, or the clock and GPS may be wrong): check it against the recovery report. Nothing is saved until you save the item.</source>
        <translation>Заповнити широту й довготу зразка значеннями {latitude}, {longitude} із «{file}»?

Позиція камери — лише підказка (фото могли зробити в іншому місці, або годинник і GPS можуть бути неточними): звірте її з протоколом вилучення. Нічого не буде збережено, доки ви не збережете зразок.</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Додати фото…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Додати теку…</translation>
    </message>
    <message>
        <source>Add a picture or files from the clipboard (Ctrl+V)</source>
        <translation>Додати зображення або файли з буфера обміну (Ctrl+V)</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Відкликати…</translation>
    </message>
    <message>
        <source>Withdraw the selected photo with a reason: it is kept as evidence and leaves the gallery</source>
        <translation>Відкликати вибране фото із зазначенням причини: воно зберігається як доказ і зникає з галереї</translation>
    </message>
    <message>
        <source>Paste photos</source>
        <translation>Вставити фото</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Додати фото</translation>
    </message>
    <message>
        <source>Add every picture in a folder</source>
        <translation>Додати всі зображення з теки</translation>
    </message>
    <message>
        <source>Withdraw photo</source>
        <translation>Відкликати фото</translation>
    </message>
    <message>
        <source>Why is {file} withdrawn? It stays in the store and in its history, and leaves this gallery.</source>
        <translation>Чому відкликано {file}? Фото залишається в сховищі та в його історії, але зникає з цієї галереї.</translation>
    </message>
    <message>
        <source>Withdrawing the photo…</source>
        <translation>Відкликання фото…</translation>
    </message>
</context>
<context>
    <name>PhotoTools</name>
    <message>
        <source>Redacted copies: no GPS position, camera or other metadata (recommended)</source>
        <translation>Очищені копії: без позиції GPS, даних камери та інших метаданих (рекомендовано)</translation>
    </message>
    <message>
        <source>Originals, byte for byte (keep GPS and camera data; internal use only)</source>
        <translation>Оригінали, байт у байт (з GPS і даними камери; лише для внутрішнього використання)</translation>
    </message>
    <message>
        <source>Changed since it was added</source>
        <translation>Змінено після додавання</translation>
    </message>
    <message>
        <source>Original missing</source>
        <translation>Оригінал відсутній</translation>
    </message>
    <message>
        <source>No photo refers to this original</source>
        <translation>Жодне фото не посилається на цей оригінал</translation>
    </message>
    <message>
        <source>(no photo uses it)</source>
        <translation>(не використовується жодним фото)</translation>
    </message>
    <message>
        <source>(not in the store)</source>
        <translation>(немає в сховищі)</translation>
    </message>
    <message>
        <source>(no photo)</source>
        <translation>(немає фото)</translation>
    </message>
    <message>
        <source>{count} of {checked} originals no longer match their SHA-256 (damaged or changed after they were added)</source>
        <translation>оригіналів, що більше не відповідають своєму SHA-256 (пошкоджені або змінені після додавання): {count} з {checked}</translation>
    </message>
    <message>
        <source>{count} of {checked} photos have no original in the store</source>
        <translation>фото без оригіналу в сховищі: {count} з {checked}</translation>
    </message>
    <message>
        <source>{count} originals are not referred to by any photo</source>
        <translation>оригіналів, на які не посилається жодне фото: {count}</translation>
    </message>
    <message>
        <source>Each problem is recorded in the audit trail</source>
        <translation>Кожну проблему записано в журнал аудиту</translation>
    </message>
    <message>
        <source>The store is open read-only: the check is not recorded in the audit trail</source>
        <translation>Сховище відкрито лише для читання: перевірку не записано в журнал аудиту</translation>
    </message>
    <message>
        <source>{recorded}; keep the store as it is and tell the person responsible for the evidence.</source>
        <translation>{recorded}; нічого не змінюйте в сховищі та повідомте особу, відповідальну за докази.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Зразок</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Хто додав</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>Коли додано</translation>
    </message>
    <message>
        <source>Stored SHA-256</source>
        <translation>Збережений SHA-256</translation>
    </message>
    <message>
        <source>SHA-256 now</source>
        <translation>SHA-256 зараз</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Photo integrity: problems found</source>
        <translation>Цілісність фото: виявлено проблеми</translation>
    </message>
    <message>
        <source>Checking every original photo…</source>
        <translation>Перевірка всіх оригіналів фото…</translation>
    </message>
    <message>
        <source>Photo integrity</source>
        <translation>Цілісність фото</translation>
    </message>
    <message>
        <source>{originals} originals and {photos} photos checked: no problem found.</source>
        <translation>Перевірено оригіналів: {originals}, фото: {photos}. Проблем не виявлено.</translation>
    </message>
    <message>
        <source>Export photos</source>
        <translation>Експорт фото</translation>
    </message>
    <message>
        <source>Open a recovered item (or one of its findings) first; its photos are exported.</source>
        <translation>Спочатку відкрийте вилучений зразок (або один з його виявлених компонентів); буде експортовано його фото.</translation>
    </message>
    <message>
        <source>Export the photos of {item} to</source>
        <translation>Експортувати фото {item} до</translation>
    </message>
    <message>
        <source>the item</source>
        <translation>зразка</translation>
    </message>
    <message>
        <source>What should be written?</source>
        <translation>Що записати?</translation>
    </message>
    <message>
        <source>Exporting photos…</source>
        <translation>Експорт фото…</translation>
    </message>
    <message>
        <source>The item has no photos; nothing was written.</source>
        <translation>У зразка немає фото; нічого не записано.</translation>
    </message>
    <message>
        <source>{count} redacted copies written to {folder}.</source>
        <translation>Очищені копії ({count}) записано до {folder}.</translation>
    </message>
    <message>
        <source>{count} originals written to {folder}.</source>
        <translation>Оригінали ({count}) записано до {folder}.</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Попереднє</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>Попереднє фото</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Наступне ▶</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>Наступне фото</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Збільшити</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Зменшити</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Умістити</translation>
    </message>
    <message>
        <source>Fit the picture in the window</source>
        <translation>Умістити зображення у вікно</translation>
    </message>
    <message>
        <source>Actual pixels</source>
        <translation>Реальні пікселі</translation>
    </message>
    <message>
        <source>Rotate view</source>
        <translation>Повернути вигляд</translation>
    </message>
    <message>
        <source>Turn the view a quarter turn (the photo is not changed)</source>
        <translation>Повернути вигляд на чверть оберту (фото не змінюється)</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Позначити</translation>
    </message>
    <message>
        <source>Drag a rectangle around a component to mark it</source>
        <translation>Обведіть компонент прямокутником, щоб позначити його</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Видалити позначку</translation>
    </message>
    <message>
        <source>Delete the selected annotation</source>
        <translation>Видалити вибрану позначку</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Закрити переглядач</translation>
    </message>
    <message>
        <source>Close the viewer (Esc)</source>
        <translation>Закрити переглядач (Esc)</translation>
    </message>
    <message>
        <source>Leave annotate mode or close</source>
        <translation>Вийти з режиму позначення або закрити</translation>
    </message>
    <message>
        <source>Drag a rectangle around a component</source>
        <translation>Обведіть компонент прямокутником</translation>
    </message>
    <message>
        <source> · view turned {degrees}°</source>
        <translation> · вигляд повернуто на {degrees}°</translation>
    </message>
    <message>
        <source>&lt;i&gt;{name}&lt;/i&gt; (no caption)</source>
        <translation>&lt;i&gt;{name}&lt;/i&gt; (без підпису)</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{number} з {total}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Loading the full picture…</source>
        <translation>Завантаження повного зображення…</translation>
    </message>
    <message>
        <source>The picture cannot be shown</source>
        <translation>Зображення неможливо показати</translation>
    </message>
    <message>
        <source>Opened the finding {label}</source>
        <translation>Відкрито виявлений компонент {label}</translation>
    </message>
    <message>
        <source>Mark a component</source>
        <translation>Позначити компонент</translation>
    </message>
    <message>
        <source>Which finding does the rectangle show?</source>
        <translation>Який виявлений компонент показує прямокутник?</translation>
    </message>
    <message>
        <source>No finding (a label only)</source>
        <translation>Без компонента (лише мітка)</translation>
    </message>
    <message>
        <source>Label shown on the photo beside {finding} (e.g. U12):</source>
        <translation>Мітка на фото поруч із {finding} (напр., U12):</translation>
    </message>
    <message>
        <source>Label shown on the photo (e.g. U12):</source>
        <translation>Мітка на фото (напр., U12):</translation>
    </message>
    <message>
        <source>Saving the annotation…</source>
        <translation>Збереження позначки…</translation>
    </message>
    <message>
        <source>Click an annotation first, then press Delete</source>
        <translation>Спочатку клацніть позначку, потім натисніть Delete</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>без мітки</translation>
    </message>
    <message>
        <source>Delete the annotation {names}? The photo and the finding stay; the deletion is recorded in the audit trail.</source>
        <translation>Видалити позначку {names}? Фото й виявлений компонент залишаються; видалення записується в журнал аудиту.</translation>
    </message>
</context>
<context>
    <name>import_mapping</name>
    <message>
        <source>Will be</source>
        <translation>Стане</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новий</translation>
    </message>
    <message>
        <source>refused: {where}{reason}</source>
        <translation>відхилено: {where}{reason}</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Стовпець у файлі</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Перші значення</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Стає</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(порожньо)</translation>
    </message>
    <message>
        <source>What the column &apos;{column}&apos; becomes</source>
        <translation>Чим стає стовпець «{column}»</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— пропустити —</translation>
    </message>
    <message>
        <source>The column is not read</source>
        <translation>Стовпець не читається</translation>
    </message>
</context>
<context>
    <name>import_task</name>
    <message>
        <source>Row</source>
        <translation>Рядок</translation>
    </message>
</context>
<context>
    <name>package_dialogs</name>
    <message>
        <source>added</source>
        <translation>додано</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>оновлено</translation>
    </message>
    <message>
        <source>held</source>
        <translation>затримано</translation>
    </message>
    <message>
        <source>newer here</source>
        <translation>тут новіше</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>конфлікт</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Додано</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Оновлено</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Затримано</translation>
    </message>
    <message>
        <source>Newer here</source>
        <translation>Тут новіше</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфлікти</translation>
    </message>
    <message>
        <source>custody events</source>
        <translation>події зберігання</translation>
    </message>
    <message>
        <source>custody event</source>
        <translation>подія зберігання</translation>
    </message>
    <message>
        <source>{count} record</source>
        <translation>{count} запис</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>записів: {count}</translation>
    </message>
    <message>
        <source>{count} record version</source>
        <translation>{count} версія запису</translation>
    </message>
    <message>
        <source>{count} record versions</source>
        <translation>версій записів: {count}</translation>
    </message>
    <message>
        <source>{count} picture</source>
        <translation>{count} зображення</translation>
    </message>
    <message>
        <source>{count} pictures</source>
        <translation>зображень: {count}</translation>
    </message>
    <message>
        <source>{count} conflict</source>
        <translation>{count} конфлікт</translation>
    </message>
    <message>
        <source>{count} conflicts</source>
        <translation>конфліктів: {count}</translation>
    </message>
    <message>
        <source>{count} {kinds}</source>
        <translation>{kinds}: {count}</translation>
    </message>
    <message>
        <source>Export a case package</source>
        <translation>Експорт пакета справи</translation>
    </message>
    <message>
        <source>A case package is one file carrying records with their ids and versions, and the original pictures. Take it to the shared store; import its receipt here, and only then are the records counted as delivered.</source>
        <translation>Пакет справи — це один файл, що містить записи з їхніми ідентифікаторами та версіями, а також оригінальні зображення. Передайте його до спільного сховища; імпортуйте тут його квитанцію — лише тоді записи вважатимуться доставленими.</translation>
    </message>
    <message>
        <source>Everything not yet delivered</source>
        <translation>Усе, що ще не доставлено</translation>
    </message>
    <message>
        <source>Chosen recovered items, with everything they need</source>
        <translation>Вибрані вилучені зразки з усім, що їм потрібно</translation>
    </message>
    <message>
        <source>Filter by case reference or system type</source>
        <translation>Фільтр за номером справи або типом системи</translation>
    </message>
    <message>
        <source>Counting what the package will carry…</source>
        <translation>Підрахунок вмісту пакета…</translation>
    </message>
    <message>
        <source>The name receivers see as the sender of this package.</source>
        <translation>Назва, яку одержувачі бачать як відправника цього пакета.</translation>
    </message>
    <message>
        <source>This device&apos;s name</source>
        <translation>Назва цього пристрою</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Вибрати файл…</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Номер справи</translation>
    </message>
    <message>
        <source>System type</source>
        <translation>Тип системи</translation>
    </message>
    <message>
        <source>Recovered on</source>
        <translation>Дата вилучення</translation>
    </message>
    <message>
        <source>Tick the recovered items to send.</source>
        <translation>Позначте вилучені зразки для надсилання.</translation>
    </message>
    <message>
        <source>Nothing to send: every record was delivered.</source>
        <translation>Нічого надсилати: усі записи доставлено.</translation>
    </message>
    <message>
        <source>The package will carry {records} and {pictures}.</source>
        <translation>Вміст пакета — {records}, {pictures}.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усього</translation>
    </message>
    <message>
        <source>Show the conflicts</source>
        <translation>Показати конфлікти</translation>
    </message>
    <message>
        <source>Synchronise with the shared store</source>
        <translation>Синхронізація зі спільним сховищем</translation>
    </message>
    <message>
        <source>Every record of this store not yet delivered is merged into the shared store in one transaction, with the same rules as a case package: nothing is overwritten, a record edited on both sides becomes a conflict there. What the shared store then holds is marked delivered here.</source>
        <translation>Кожен ще не доставлений запис цього сховища об’єднується зі спільним сховищем однією транзакцією за тими самими правилами, що й пакет справи: нічого не перезаписується, запис, змінений з обох боків, стає там конфліктом. Те, що після цього міститься в спільному сховищі, позначається тут як доставлене.</translation>
    </message>
    <message>
        <source>postgresql://analyst@db.example.org/forensics  or  service:forensics</source>
        <translation>postgresql://analyst@db.example.org/forensics  або  service:forensics</translation>
    </message>
    <message>
        <source>Shared store</source>
        <translation>Спільне сховище</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Синхронізувати</translation>
    </message>
    <message>
        <source>Exchange status</source>
        <translation>Стан обміну</translation>
    </message>
    <message>
        <source>This store: {device}</source>
        <translation>Це сховище: {device}</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>Ідентифікатор сховища</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>Надіслано пакетів</translation>
    </message>
    <message>
        <source>{sent} ({awaiting} awaiting their receipt)</source>
        <translation>{sent} (очікують квитанції: {awaiting})</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>Отримано пакетів</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Відкриті конфлікти</translation>
    </message>
    <message>
        <source>Not yet delivered</source>
        <translation>Ще не доставлено</translation>
    </message>
    <message>
        <source>nothing: every record was delivered</source>
        <translation>нічого: усі записи доставлено</translation>
    </message>
    <message>
        <source>Latest packages</source>
        <translation>Останні пакети</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрям</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Інший пристрій</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Квитанція</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Результати</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ще немає</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>очікується</translation>
    </message>
    <message>
        <source>written</source>
        <translation>записано</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>received</source>
        <translation>отримано</translation>
    </message>
</context>
<context>
    <name>photo_canvas</name>
    <message>
        <source>(no label)</source>
        <translation>(без мітки)</translation>
    </message>
    <message>
        <source>Click to open the finding</source>
        <translation>Клацніть, щоб відкрити виявлений компонент</translation>
    </message>
</context>
<context>
    <name>photo_gallery</name>
    <message>
        <source>No photos yet. Drop pictures or folders here, use “Add photos…”, or paste a picture with Ctrl+V.</source>
        <translation>Фото ще немає. Перетягніть сюди зображення або теки, скористайтеся кнопкою «Додати фото…» або вставте зображення за допомогою Ctrl+V.</translation>
    </message>
</context>
<context>
    <name>photo_model</name>
    <message>
        <source>Taken {moment}</source>
        <translation>Знято {moment}</translation>
    </message>
    <message>
        <source>Photo of a finding</source>
        <translation>Фото виявленого компонента</translation>
    </message>
    <message>
        <source>no preview</source>
        <translation>без мініатюри</translation>
    </message>
</context>
</TS>
