<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About the forensic component database</source>
        <translation>Про криміналістичну базу компонентів</translation>
    </message>
    <message>
        <source>Forensic component database</source>
        <translation>Криміналістична база компонентів</translation>
    </message>
    <message>
        <source>Components found in recovered weapons, and their supply chains.</source>
        <translation>Компоненти, виявлені у вилученому озброєнні, та ланцюги їх постачання.</translation>
    </message>
    <message>
        <source>Libraries it runs with, and their licences (their full texts are installed with them):</source>
        <translation>Бібліотеки, з якими працює програма, та їхні ліцензії (повні тексти встановлено разом із ними):</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Бібліотека</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Ліцензія</translation>
    </message>
    <message>
        <source>Writes stores of schema {schema}.</source>
        <translation>Записує сховища схеми {schema}.</translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation>Сховище не відкрито.</translation>
    </message>
    <message>
        <source>Store in use: {location} ({kind}, schema {schema}).</source>
        <translation>Сховище: {location} ({kind}, схема {schema}).</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>файл SQLite</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt}, on {system}.</source>
        <translation>Python {python}, Qt {qt}, система {system}.</translation>
    </message>
</context>
<context>
    <name>AuditCheckDialog</name>
    <message>
        <source>Every change recorded in this store is numbered and sealed with SHA-256 over its values and the seal of the change before it. An event edited, deleted, inserted or moved, even with the database&apos;s own tools, breaks the chain. Briefs and case packages print the chain&apos;s head; paste heads printed earlier below to check that the trail was not rewritten since.</source>
        <translation>Кожну зміну, записану в цьому сховищі, пронумеровано й опечатано хешем SHA-256 від її значень і печатки попередньої зміни. Подія, яку змінили, видалили, вставили чи перемістили, навіть засобами самої бази даних, розриває ланцюг. Довідки та пакети справ друкують вершину ланцюга; вставте нижче вершини, надруковані раніше, щоб перевірити, що журнал аудиту відтоді не переписано.</translation>
    </message>
    <message>
        <source>Verify the audit trail</source>
        <translation>Перевірка журналу аудиту</translation>
    </message>
    <message>
        <source>Heads printed earlier (NUMBER:SEAL, one a line; optional):</source>
        <translation>Вершини, надруковані раніше (НОМЕР:ПЕЧАТКА, по одній у рядку; необов’язково):</translation>
    </message>
    <message>
        <source>for example 139:3300ba9457b9a204aebb745a1f1e18be…</source>
        <translation>наприклад, 139:3300ba9457b9a204aebb745a1f1e18be…</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Ще не перевірено.</translation>
    </message>
    <message>
        <source>Head now:</source>
        <translation>Вершина зараз:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірити</translation>
    </message>
    <message>
        <source>Checking every event…</source>
        <translation>Перевірка кожної події…</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>Перевірка журналу аудиту…</translation>
    </message>
    <message>
        <source>Each of the {count} head(s) given is in it.</source>
        <translation>Кожна з наданих вершин ({count}) є в ньому.</translation>
    </message>
    <message>
        <source>{count} of them are above your clearance: their numbers and links were checked, their contents only a login cleared to read them can check.</source>
        <translation>Подій вище вашого допуску: {count}; їхні номери та зв’язки перевірено, а вміст може перевірити лише обліковий запис із допуском до них.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The audit trail holds.&lt;/b&gt; {count} events checked.</source>
        <translation>&lt;b&gt;Журнал аудиту цілісний.&lt;/b&gt; Перевірено подій: {count}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The audit trail does NOT hold.&lt;/b&gt; {count} events read; the first problem names the first bad event.</source>
        <translation>&lt;b&gt;Журнал аудиту НЕ цілісний.&lt;/b&gt; Прочитано подій: {count}; перша проблема вказує першу пошкоджену подію.</translation>
    </message>
    <message>
        <source>The check could not run.</source>
        <translation>Перевірку не вдалося виконати.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Store backups (*.sqlite);;All files (*)</source>
        <translation>Резервні копії сховища (*.sqlite);;Усі файли (*)</translation>
    </message>
    <message>
        <source>PostgreSQL dumps (*.dump);;All files (*)</source>
        <translation>Дампи PostgreSQL (*.dump);;Усі файли (*)</translation>
    </message>
    <message>
        <source>&amp;Back up the store…</source>
        <translation>&amp;Резервна копія сховища…</translation>
    </message>
    <message>
        <source>Res&amp;tore from a backup…</source>
        <translation>Відн&amp;овити з резервної копії…</translation>
    </message>
    <message>
        <source>Back up the store</source>
        <translation>Резервна копія сховища</translation>
    </message>
    <message>
        <source>Backing up the store…</source>
        <translation>Створення резервної копії сховища…</translation>
    </message>
    <message>
        <source>It holds {counts}.</source>
        <translation>Вона містить: {counts}.</translation>
    </message>
    <message>
        <source>It holds the data of {count} tables.</source>
        <translation>Вона містить дані таблиць: {count}.</translation>
    </message>
    <message>
        <source>Backup written and checked: {path}</source>
        <translation>Резервну копію записано й перевірено: {path}</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Резервну копію записано</translation>
    </message>
    <message>
        <source>The backup of {source} is at:
{path}

It was read back and checked ({checks}): no problem was found. {holds}</source>
        <translation>Резервна копія {source} розміщена тут:
{path}

Її прочитано й перевірено ({checks}): проблем не виявлено. {holds}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Відновлення з резервної копії</translation>
    </message>
    <message>
        <source>Replace the open store {store} with the backup {backup}?

The backup is checked first. The store as it is now is kept beside it under a name with the date and time. Close other programs using the store before you go on.</source>
        <translation>Замінити відкрите сховище {store} резервною копією {backup}?

Спочатку резервну копію буде перевірено. Сховище в теперішньому стані буде збережено поруч під назвою з датою й часом. Перш ніж продовжити, закрийте інші програми, що працюють зі сховищем.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Відновлення резервної копії…</translation>
    </message>
    <message>
        <source>The store as it was is kept at:
{path}</source>
        <translation>Попередній стан сховища збережено тут:
{path}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Резервну копію відновлено</translation>
    </message>
    <message>
        <source>The backup {backup} was checked ({checks}) and restored into {store}. It holds {counts}.</source>
        <translation>Резервну копію {backup} перевірено ({checks}) і відновлено в {store}. Вона містить: {counts}.</translation>
    </message>
</context>
<context>
    <name>BenchModel</name>
    <message>
        <source>Position</source>
        <translation>Позиція</translation>
    </message>
    <message>
        <source>Marking as read</source>
        <translation>Прочитане маркування</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Деталь</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Виробник</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Функція</translation>
    </message>
    <message>
        <source>Date code</source>
        <translation>Код дати</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Упевненість</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>The record was changed by someone else</source>
        <translation>Запис змінив інший користувач</translation>
    </message>
    <message>
        <source>{who} saved this record at {when} (now version {version}) while you were editing it.
Compare the versions and choose.</source>
        <translation>{who} зберіг(-ла) цей запис {when} (тепер версія {version}), поки ви його редагували.
Порівняйте версії та виберіть.</translation>
    </message>
    <message>
        <source>Reload theirs (discard mine)</source>
        <translation>Завантажити їхню (відкинути мою)</translation>
    </message>
    <message>
        <source>Apply my changes on top of theirs</source>
        <translation>Застосувати мої зміни поверх їхніх</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>Ваша (не збережена)</translation>
    </message>
    <message>
        <source>Theirs (in the store)</source>
        <translation>Їхня (у сховищі)</translation>
    </message>
</context>
<context>
    <name>CreateDialog</name>
    <message>
        <source>New {kind}</source>
        <translation>Новий запис: {kind}</translation>
    </message>
    <message>
        <source>Saved as a new {kind} and chosen in the form you came from; that form keeps everything typed in it and stays unsaved.</source>
        <translation>Буде збережено як новий запис ({kind}) і вибрано у формі, з якої ви перейшли; та форма зберігає все введене в ній і лишається незбереженою.</translation>
    </message>
    <message>
        <source>Create {kind}</source>
        <translation>Створити: {kind}</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>РРРР-ММ-ДД ГГ:ХХ</translation>
    </message>
    <message>
        <source>one; two; three</source>
        <translation>перше; друге; третє</translation>
    </message>
    <message>
        <source>name or id</source>
        <translation>назва або id</translation>
    </message>
    <message>
        <source>e.g. 8542.31</source>
        <translation>напр. 8542.31</translation>
    </message>
    <message>
        <source>two-letter code</source>
        <translation>дволітерний код</translation>
    </message>
    <message>
        <source>three-letter code, e.g. USD</source>
        <translation>трилітерний код, напр. USD</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>When (UTC)</source>
        <translation>Коли (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Після</translation>
    </message>
    <message>
        <source>(no longer in the store) {id}…</source>
        <translation>(більше немає у сховищі) {id}…</translation>
    </message>
    <message>
        <source>{name}: id {id}</source>
        <translation>{name}: id {id}</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>видалено</translation>
    </message>
    <message>
        <source>the values it held are kept in the audit trail</source>
        <translation>значення, які він містив, збережено в журналі аудиту</translation>
    </message>
    <message>
        <source>History of {title}</source>
        <translation>Історія: {title}</translation>
    </message>
    <message>
        <source>1 recorded change; the audit trail cannot be edited.</source>
        <translation>1 записана зміна; журнал аудиту не можна редагувати.</translation>
    </message>
    <message>
        <source>{count} recorded changes; the audit trail cannot be edited.</source>
        <translation>Записаних змін: {count}; журнал аудиту не можна редагувати.</translation>
    </message>
</context>
<context>
    <name>LoginsDialog</name>
    <message>
        <source>A login&apos;s clearance is the highest handling marking it may read: records marked above it are hidden from that login everywhere, in this application and in psql alike. Viewers read; editors also add and change records; administrators also delete, manage markings and manage logins.</source>
        <translation>Допуск облікового запису — це найвищий гриф обмеження доступу, який він може читати: записи з вищим грифом приховано від нього всюди, і в цій програмі, і в psql. Переглядачі читають; редактори також додають і змінюють записи; адміністратори також видаляють, керують грифами та обліковими записами.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Обліковий запис</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Допуск</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>Може входити</translation>
    </message>
    <message>
        <source>Changed (UTC)</source>
        <translation>Змінено (UTC)</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ким змінено</translation>
    </message>
    <message>
        <source>Logins and clearances belong to a shared PostgreSQL store; a SQLite file is read whole by whoever may open it.</source>
        <translation>Облікові записи та допуски є лише в спільному сховищі PostgreSQL; файл SQLite повністю читає кожен, хто може його відкрити.</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>переглядач</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>редактор</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>адміністратор</translation>
    </message>
    <message>
        <source>Logins and clearances</source>
        <translation>Облікові записи та допуски</translation>
    </message>
    <message>
        <source>Reading who the store is open as…</source>
        <translation>Визначення, від чийого імені відкрито сховище…</translation>
    </message>
    <message>
        <source>Add a login, or change one (select it in the table)</source>
        <translation>Додайте обліковий запис або змініть наявний (виберіть його в таблиці)</translation>
    </message>
    <message>
        <source>lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>малі латинські літери, цифри, «.», «-» і «_»</translation>
    </message>
    <message>
        <source>Login name:</source>
        <translation>Ім’я облікового запису:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Група:</translation>
    </message>
    <message>
        <source>The highest handling marking the login may read; the markings are listed lowest first</source>
        <translation>Найвищий гриф обмеження доступу, який може читати обліковий запис; грифи впорядковано від найнижчого</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>Допуск:</translation>
    </message>
    <message>
        <source>leave empty to keep the present password</source>
        <translation>залиште порожнім, щоб зберегти поточний пароль</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новий пароль:</translation>
    </message>
    <message>
        <source>The same again:</source>
        <translation>Ще раз:</translation>
    </message>
    <message>
        <source>Save login</source>
        <translation>Зберегти обліковий запис</translation>
    </message>
    <message>
        <source>Disable login…</source>
        <translation>Вимкнути обліковий запис…</translation>
    </message>
    <message>
        <source>The login may no longer log in; its name and what it did stay on record</source>
        <translation>Обліковий запис більше не зможе входити; його ім’я та дії залишаються в журналі</translation>
    </message>
    <message>
        <source>&lt;b&gt;You are&lt;/b&gt; {who}.</source>
        <translation>&lt;b&gt;Ви:&lt;/b&gt; {who}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The store does not let you see or change its logins.&lt;/b&gt;&lt;br&gt;{why}&lt;br&gt;&lt;br&gt;Only an administrator of the store may manage logins; ask one to add or change yours.</source>
        <translation>&lt;b&gt;Сховище не дозволяє вам переглядати чи змінювати його облікові записи.&lt;/b&gt;&lt;br&gt;{why}&lt;br&gt;&lt;br&gt;Керувати обліковими записами може лише адміністратор сховища; попросіть його додати або змінити ваш.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no: disabled</source>
        <translation>ні: вимкнено</translation>
    </message>
    <message>
        <source>Type the login&apos;s name first.</source>
        <translation>Спочатку введіть ім’я облікового запису.</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Паролі не збігаються; нічого не змінено.</translation>
    </message>
    <message>
        <source>The store has no handling markings to clear a login to.</source>
        <translation>У сховищі немає грифів обмеження доступу, до яких можна надати допуск.</translation>
    </message>
    <message>
        <source>{name} saved: {group}, cleared to {clearance}, password set.</source>
        <translation>{name} збережено: {group}, допуск до {clearance}, пароль установлено.</translation>
    </message>
    <message>
        <source>{name} saved: {group}, cleared to {clearance}.</source>
        <translation>{name} збережено: {group}, допуск до {clearance}.</translation>
    </message>
    <message>
        <source>Saving the login…</source>
        <translation>Збереження облікового запису…</translation>
    </message>
    <message>
        <source>Select the login to disable in the table first.</source>
        <translation>Спочатку виберіть у таблиці обліковий запис, який треба вимкнути.</translation>
    </message>
    <message>
        <source>Disable login</source>
        <translation>Вимкнення облікового запису</translation>
    </message>
    <message>
        <source>Stop {name} from logging in?

The login stays on record, with its group, its clearance and everything it did. Saving it again lets it log in again.</source>
        <translation>Заборонити вхід для {name}?

Обліковий запис залишиться в журналі разом із групою, допуском і всіма своїми діями. Якщо зберегти його знову, він знову зможе входити.</translation>
    </message>
    <message>
        <source>{name} may no longer log in; what it did stays on record.</source>
        <translation>{name} більше не може входити; його дії залишаються в журналі.</translation>
    </message>
    <message>
        <source>Disabling the login…</source>
        <translation>Вимкнення облікового запису…</translation>
    </message>
    <message>
        <source>That did not work; the error is shown separately.</source>
        <translation>Не вдалося; помилку показано окремо.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Double-click a record, or press Enter, to open it here.</source>
        <translation>Двічі клацніть запис або натисніть Enter, щоб відкрити його тут.</translation>
    </message>
    <message>
        <source>The interface will be in the chosen language when the application is started again.</source>
        <translation>Інтерфейс буде вибраною мовою після наступного запуску програми.</translation>
    </message>
    <message>
        <source>Forensic component database</source>
        <translation>Криміналістична база даних компонентів</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Sanctions screening</source>
        <translation>Санкційна перевірка</translation>
    </message>
    <message>
        <source>Supply graph</source>
        <translation>Граф постачання</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Аналітика</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфлікти</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Record &amp;editor</source>
        <translation>&amp;Редактор запису</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Новий запис</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>С&amp;касувати зміни</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>В&amp;идалити…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Знайти</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>Ne&amp;xt record</source>
        <translation>Наступн&amp;ий запис</translation>
    </message>
    <message>
        <source>Pre&amp;vious record</source>
        <translation>&amp;Попередній запис</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Історія</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>По&amp;шук…</translation>
    </message>
    <message>
        <source>&amp;Bench mode for this item</source>
        <translation>Режим &amp;стенда для цього зразка</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Write a &amp;brief…</source>
        <translation>Скласти &amp;довідку…</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Імпорт таблиці…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Запис</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>Editor in its own &amp;window</source>
        <translation>Редактор в окремому &amp;вікні</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Стовпці…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Інструменти</translation>
    </message>
    <message>
        <source>&amp;Verify photo integrity…</source>
        <translation>Перевірити &amp;цілісність фото…</translation>
    </message>
    <message>
        <source>Verify the &amp;audit trail…</source>
        <translation>Перевірити &amp;журнал аудиту…</translation>
    </message>
    <message>
        <source>&amp;Logins and clearances…</source>
        <translation>&amp;Облікові записи та допуски…</translation>
    </message>
    <message>
        <source>&amp;Export photos…</source>
        <translation>&amp;Експорт фото…</translation>
    </message>
    <message>
        <source>Sanctions &amp;gap…</source>
        <translation>&amp;Прогалини санкцій…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Посібник користувача</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Про програму</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Add, change or disable the logins of this shared store</source>
        <translation>Додати, змінити чи вимкнути облікові записи цього спільного сховища</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>Сховище не відкрито</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Виконується…</translation>
    </message>
    <message>
        <source>{activity}

The records appear as soon as the store is ready.</source>
        <translation>{activity}

Записи з’являться, щойно сховище буде готове.</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>файл SQLite</translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · лише читання</translation>
    </message>
    <message>
        <source>{location} · {kind} · acting as {user}</source>
        <translation>{location} · {kind} · від імені {user}</translation>
    </message>
    <message>
        <source>Schema {revision}</source>
        <translation>Схема {revision}</translation>
    </message>
    <message>
        <source>Opened read-only: {why}</source>
        <translation>Відкрито лише для читання: {why}</translation>
    </message>
    <message>
        <source>Your login: {access}</source>
        <translation>Ваш обліковий запис: {access}</translation>
    </message>
    <message>
        <source>Opened read-only: {why}; nothing can be saved</source>
        <translation>Відкрито лише для читання: {why}; зберегти нічого не можна</translation>
    </message>
    <message>
        <source>{location} — Forensic component database</source>
        <translation>{location} — Криміналістична база даних компонентів</translation>
    </message>
    <message>
        <source>The newest version of a sanctions list had not been screened against; screened now: {summary}</source>
        <translation>За найновішою версією санкційного списку ще не перевіряли; перевірено зараз: {summary}</translation>
    </message>
    <message>
        <source>Bench mode works on a recovered item: open the item, or one of its findings, first.</source>
        <translation>Режим стенда працює з вилученим зразком: спочатку відкрийте зразок або один із його виявлених компонентів.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>The {kind} has changes that are not saved.</source>
        <translation>Запис ({kind}) має незбережені зміни.</translation>
    </message>
    <message>
        <source>Rows not saved</source>
        <translation>Рядки не збережено</translation>
    </message>
    <message>
        <source>{count} row(s) at the bench could not be saved. Correct them, or remove an unsaved row with Ctrl+Delete, then close again.</source>
        <translation>Не вдалося зберегти рядків на стенді: {count}. Виправте їх або видаліть незбережений рядок клавішами Ctrl+Delete, а тоді закрийте знову.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>recovered items</source>
        <translation>вилучені зразки</translation>
    </message>
    <message>
        <source>template modules</source>
        <translation>модулі шаблону</translation>
    </message>
    <message>
        <source>component findings</source>
        <translation>виявлені компоненти</translation>
    </message>
    <message>
        <source>custody events</source>
        <translation>події зберігання / передачі</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>supply links</source>
        <translation>ланки постачання</translation>
    </message>
    <message>
        <source>photo annotations</source>
        <translation>позначки на фото</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>деталі</translation>
    </message>
    <message>
        <source>supply links as seller</source>
        <translation>ланки постачання, де вона продавець</translation>
    </message>
    <message>
        <source>supply links as buyer</source>
        <translation>ланки постачання, де вона покупець</translation>
    </message>
    <message>
        <source>sanctions designations</source>
        <translation>санкційні рішення</translation>
    </message>
    <message>
        <source>successor of organizations</source>
        <translation>правонаступник організацій</translation>
    </message>
    <message>
        <source>screening matches</source>
        <translation>збіги перевірки за санкційними списками</translation>
    </message>
    <message>
        <source>findings citing it</source>
        <translation>виявлені компоненти, що посилаються на нього</translation>
    </message>
    <message>
        <source>supply links citing it</source>
        <translation>ланки постачання, що посилаються на нього</translation>
    </message>
    <message>
        <source>designations citing it</source>
        <translation>санкційні рішення, що посилаються на нього</translation>
    </message>
    <message>
        <source>sanctions lists citing it</source>
        <translation>санкційні списки, що посилаються на нього</translation>
    </message>
    <message>
        <source>identification rules citing it</source>
        <translation>правила ідентифікації, що посилаються на нього</translation>
    </message>
    <message>
        <source>template modules citing it</source>
        <translation>модулі шаблону, що посилаються на нього</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>записи списку</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Filter by {what}… (Ctrl+F)</source>
        <translation>Фільтр: {what}… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show withdrawn</source>
        <translation>Показати відкликані</translation>
    </message>
    <message>
        <source>Withdrawn evidence is kept; it is hidden from lists unless shown here (struck through)</source>
        <translation>Відкликані докази зберігаються; їх приховано зі списків, якщо не ввімкнути показ тут (перекресленими)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 запис</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>Записів: {count}</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Стовпці за замовчуванням</translation>
    </message>
    <message>
        <source>{column} cannot be sorted</source>
        <translation>За стовпцем «{column}» не можна сортувати</translation>
    </message>
</context>
<context>
    <name>ReferenceField</name>
    <message>
        <source>Create {kind} &apos;{text}&apos;…</source>
        <translation>Створити «{text}» ({kind})…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>exact</source>
        <translation>точний збіг</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>починається з</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>містить</translation>
    </message>
    <message>
        <source>possible misreading</source>
        <translation>можливо, помилково прочитано</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>назва компанії</translation>
    </message>
    <message>
        <source>successor</source>
        <translation>правонаступник</translation>
    </message>
    <message>
        <source>predecessor</source>
        <translation>попередник</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>схожа назва</translation>
    </message>
    <message>
        <source>meets the filters</source>
        <translation>відповідає фільтрам</translation>
    </message>
    <message>
        <source>weapon system type</source>
        <translation>тип системи озброєння</translation>
    </message>
    <message>
        <source>recovered item</source>
        <translation>вилучений зразок</translation>
    </message>
    <message>
        <source>part</source>
        <translation>деталь</translation>
    </message>
    <message>
        <source>manufacturer</source>
        <translation>виробник</translation>
    </message>
    <message>
        <source>manufacturer country</source>
        <translation>країна виробника</translation>
    </message>
    <message>
        <source>CHPL tier</source>
        <translation>рівень CHPL</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>produced after</source>
        <translation>виготовлено після</translation>
    </message>
    <message>
        <source>produced before</source>
        <translation>виготовлено до</translation>
    </message>
    <message>
        <source>sanctioned company in supply chain</source>
        <translation>підсанкційна компанія в ланцюгу постачання</translation>
    </message>
    <message>
        <source>identification confidence</source>
        <translation>упевненість ідентифікації</translation>
    </message>
    <message>
        <source>source</source>
        <translation>джерело</translation>
    </message>
    <message>
        <source>this maker only, not its predecessors</source>
        <translation>лише цей виробник, без його попередників</translation>
    </message>
    <message>
        <source>made by another maker than</source>
        <translation>виготовлено іншим виробником, ніж</translation>
    </message>
    <message>
        <source>category</source>
        <translation>категорія</translation>
    </message>
    <message>
        <source>identified to</source>
        <translation>ідентифіковано до</translation>
    </message>
    <message>
        <source>recovered from</source>
        <translation>вилучено з</translation>
    </message>
    <message>
        <source>recovered to</source>
        <translation>вилучено по</translation>
    </message>
    <message>
        <source>production period starts by</source>
        <translation>період виробництва починається не пізніше</translation>
    </message>
    <message>
        <source>production period ends on or after</source>
        <translation>період виробництва закінчується не раніше</translation>
    </message>
</context>
<context>
    <name>SourceList</name>
    <message>
        <source>Cite a source…</source>
        <translation>Послатися на джерело…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>Cite a source</source>
        <translation>Посилання на джерело</translation>
    </message>
    <message>
        <source>Existing source</source>
        <translation>Наявне джерело</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Нове джерело</translation>
    </message>
    <message>
        <source>Filter by title…</source>
        <translation>Фільтр за назвою…</translation>
    </message>
    <message>
        <source>Source reliability (A–F)</source>
        <translation>Надійність джерела (A–F)</translation>
    </message>
    <message>
        <source>Information credibility (1–6)</source>
        <translation>Достовірність інформації (1–6)</translation>
    </message>
    <message>
        <source>Cannot create the source</source>
        <translation>Не вдалося створити джерело</translation>
    </message>
</context>
<context>
    <name>StoreMenu</name>
    <message>
        <source>Forensic stores (*.sqlite *.db);;All files (*)</source>
        <translation>Криміналістичні сховища (*.sqlite *.db);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Step {number} of {steps}: {what}</source>
        <translation>Крок {number} з {steps}: {what}</translation>
    </message>
    <message>
        <source>opening the store (its tables are created or upgraded if needed)…</source>
        <translation>відкриття сховища (за потреби його таблиці створюються або оновлюються)…</translation>
    </message>
    <message>
        <source>loading the demo data: {what}…</source>
        <translation>завантаження демонстраційних даних: {what}…</translation>
    </message>
    <message>
        <source>reading what the store holds…</source>
        <translation>читання вмісту сховища…</translation>
    </message>
    <message>
        <source>Loading the demo data: {what}…</source>
        <translation>Завантаження демонстраційних даних: {what}…</translation>
    </message>
    <message>
        <source>Connect to PostgreSQL</source>
        <translation>Підключення до PostgreSQL</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/database</source>
        <translation>postgresql://користувач@хост:5432/база</translation>
    </message>
    <message>
        <source>name in your pg_service.conf</source>
        <translation>назва у вашому pg_service.conf</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL сервера</translation>
    </message>
    <message>
        <source>or service name</source>
        <translation>або назва служби</translation>
    </message>
    <message>
        <source>Leave the password out: it comes from your .pgpass or service file, or you will be asked for it. It is never saved.</source>
        <translation>Не вказуйте пароль: його буде взято з вашого .pgpass чи файлу служб або запитано. Пароль ніколи не зберігається.</translation>
    </message>
    <message>
        <source>Recent stores</source>
        <translation>Нещодавні сховища</translation>
    </message>
    <message>
        <source>&amp;New store…</source>
        <translation>&amp;Нове сховище…</translation>
    </message>
    <message>
        <source>&amp;Open store file…</source>
        <translation>&amp;Відкрити файл сховища…</translation>
    </message>
    <message>
        <source>Connect to &amp;PostgreSQL…</source>
        <translation>Підключитися до &amp;PostgreSQL…</translation>
    </message>
    <message>
        <source>Load the &amp;demo data</source>
        <translation>Завантажити &amp;демонстраційні дані</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Відкриття сховища…</translation>
    </message>
    <message>
        <source>Store upgraded; the previous version is kept at {path}</source>
        <translation>Сховище оновлено; попередню версію збережено тут: {path}</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Password for {store}:</source>
        <translation>Пароль для {store}:</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(поки немає)</translation>
    </message>
    <message>
        <source>New store</source>
        <translation>Нове сховище</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Відкрити сховище</translation>
    </message>
    <message>
        <source>Password in the URL</source>
        <translation>Пароль в URL</translation>
    </message>
    <message>
        <source>The password in the URL is used for this connection only and is not saved.</source>
        <translation>Пароль з URL використовується лише для цього підключення і не зберігається.</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>Завантаження демонстраційних даних…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Виконується</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <source>Hide</source>
        <translation>Сховати</translation>
    </message>
    <message>
        <source>Hide this warning until the store is opened again</source>
        <translation>Сховати це попередження до наступного відкриття сховища</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Forensic component database</source>
        <translation>Криміналістична база даних компонентів</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>weapon system types</source>
        <translation>типів систем озброєння</translation>
    </message>
    <message>
        <source>recovered items</source>
        <translation>вилучених зразків</translation>
    </message>
    <message>
        <source>component findings</source>
        <translation>виявлених компонентів</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>деталей</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>організацій</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>джерел</translation>
    </message>
    <message>
        <source>supply links</source>
        <translation>ланок постачання</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>original pictures</source>
        <translation>оригінальних зображень</translation>
    </message>
    <message>
        <source>custody events</source>
        <translation>подій зберігання / передачі</translation>
    </message>
    <message>
        <source>audit events</source>
        <translation>подій журналу аудиту</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>жодного запису</translation>
    </message>
</context>
<context>
    <name>briefs</name>
    <message>
        <source>Teardown report of a recovered item</source>
        <translation>Звіт про розбирання вилученого зразка</translation>
    </message>
    <message>
        <source>Dossier of a part or a maker</source>
        <translation>Досьє деталі або виробника</translation>
    </message>
    <message>
        <source>Summary of a weapon system type</source>
        <translation>Зведення за типом системи озброєння</translation>
    </message>
    <message>
        <source>Sanctions gap of the whole store</source>
        <translation>Санкційні прогалини всього сховища</translation>
    </message>
    <message>
        <source>the recovered item&apos;s case reference</source>
        <translation>номер справи вилученого зразка</translation>
    </message>
    <message>
        <source>a part number or a maker&apos;s name</source>
        <translation>номер деталі або назва виробника</translation>
    </message>
    <message>
        <source>a weapon system type&apos;s name</source>
        <translation>назва типу системи озброєння</translation>
    </message>
    <message>
        <source>Recovery and custody</source>
        <translation>Вилучення та ланцюг зберігання</translation>
    </message>
    <message>
        <source>Photos with their annotations</source>
        <translation>Фото з позначками</translation>
    </message>
    <message>
        <source>Findings by where they sat</source>
        <translation>Виявлені компоненти за місцем розташування</translation>
    </message>
    <message>
        <source>Makers and countries</source>
        <translation>Виробники та країни</translation>
    </message>
    <message>
        <source>Production dates</source>
        <translation>Дати виготовлення</translation>
    </message>
    <message>
        <source>Probable supply chains</source>
        <translation>Ймовірні ланцюги постачання</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Where it was found</source>
        <translation>Де це виявлено</translation>
    </message>
    <message>
        <source>Sanctions status</source>
        <translation>Санкційний статус</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>Countries of origin</source>
        <translation>Країни походження</translation>
    </message>
    <message>
        <source>CHPL tiers</source>
        <translation>Рівні CHPL</translation>
    </message>
    <message>
        <source>Changes over time</source>
        <translation>Зміни з часом</translation>
    </message>
    <message>
        <source>Parts in the gap</source>
        <translation>Деталі в прогалині</translation>
    </message>
    <message>
        <source>Companies designated nowhere</source>
        <translation>Компанії, ніде не внесені до санкційних списків</translation>
    </message>
</context>
<context>
    <name>chains</name>
    <message>
        <source>(listing date unknown)</source>
        <translation>(дата внесення до списку невідома)</translation>
    </message>
    <message>
        <source>{listing}, delisted {day}</source>
        <translation>{listing}, виключено зі списку {day}</translation>
    </message>
    <message>
        <source>not designated</source>
        <translation>не під санкціями</translation>
    </message>
    <message>
        <source>designated, link undated ({listing})</source>
        <translation>під санкціями, ланка без дати ({listing})</translation>
    </message>
    <message>
        <source>delisted, link undated ({listing})</source>
        <translation>виключено зі списку, ланка без дати ({listing})</translation>
    </message>
    <message>
        <source>designated before the link ({listing})</source>
        <translation>під санкціями до ланки ({listing})</translation>
    </message>
    <message>
        <source>designated after the link ({listing})</source>
        <translation>під санкціями після ланки ({listing})</translation>
    </message>
    <message>
        <source>designated, listing date unknown ({listing})</source>
        <translation>під санкціями, дата внесення невідома ({listing})</translation>
    </message>
    <message>
        <source>delisted before the link ({listing})</source>
        <translation>виключено зі списку до ланки ({listing})</translation>
    </message>
    <message>
        <source>hub</source>
        <translation>транзитний вузол</translation>
    </message>
    <message>
        <source>country unknown</source>
        <translation>країна невідома</translation>
    </message>
    <message>
        <source>[designated: {authorities}]</source>
        <translation>[під санкціями: {authorities}]</translation>
    </message>
    <message>
        <source>{count} link</source>
        <translation>ланок: {count}</translation>
    </message>
    <message>
        <source>{count} links</source>
        <translation>ланок: {count}</translation>
    </message>
    <message>
        <source>{count} source</source>
        <translation>джерел: {count}</translation>
    </message>
    <message>
        <source>{count} sources</source>
        <translation>джерел: {count}</translation>
    </message>
    <message>
        <source>evidence: weakest step {points} points, {sources}</source>
        <translation>докази: найслабша ланка — {points} балів, {sources}</translation>
    </message>
    <message>
        <source>{count} undated step</source>
        <translation>ланок без дати: {count}</translation>
    </message>
    <message>
        <source>{count} undated steps</source>
        <translation>ланок без дати: {count}</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>findings</source>
        <translation>виявлені компоненти</translation>
    </message>
    <message>
        <source>distinct parts</source>
        <translation>різні деталі</translation>
    </message>
    <message>
        <source>recovered items</source>
        <translation>вилучені зразки</translation>
    </message>
    <message>
        <source>CHPL published ({version})</source>
        <translation>Опубліковано CHPL ({version})</translation>
    </message>
    <message>
        <source>Full-scale invasion of Ukraine</source>
        <translation>Повномасштабне вторгнення в Україну</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>січ</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>лют</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>бер</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>квіт</translation>
    </message>
    <message>
        <source>May</source>
        <translation>трав</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>черв</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>лип</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>серп</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>вер</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>жовт</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>лист</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>груд</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>виявлений компонент</translation>
    </message>
    <message>
        <source>distinct part</source>
        <translation>різна деталь</translation>
    </message>
    <message>
        <source>recovered item</source>
        <translation>вилучений зразок</translation>
    </message>
    <message>
        <source>Counts {counts}: none are covered by these filters.</source>
        <translation>Враховано {counts}: за цими фільтрами немає жодного запису.</translation>
    </message>
    <message>
        <source>Counts {counts}: all {total} covered have a value.</source>
        <translation>Враховано {counts}: усі {total} охоплені записи мають значення.</translation>
    </message>
    <message>
        <source>Counts {counts}: {counted} of the {total} covered; {missing} have no value{why}.</source>
        <translation>Враховано {counts}: {counted} з {total} охоплених; без значення: {missing}{why}.</translation>
    </message>
    <message>
        <source>{value} {noun} · {share} of the {counted} counted</source>
        <translation>{value} ({noun}) · {share} з {counted} врахованих</translation>
    </message>
    <message>
        <source>Click to list these findings</source>
        <translation>Клацніть, щоб переглянути ці виявлені компоненти</translation>
    </message>
    <message>
        <source>Click to open this finding</source>
        <translation>Клацніть, щоб відкрити цей виявлений компонент</translation>
    </message>
    <message>
        <source>Also marked: {markers}; and {more} more.</source>
        <translation>Також позначено: {markers}; і ще {more}.</translation>
    </message>
    <message>
        <source>Also marked: {markers}.</source>
        <translation>Також позначено: {markers}.</translation>
    </message>
    <message>
        <source>No {counts} with a value for these filters.</source>
        <translation>За цими фільтрами немає записів зі значенням ({counts}).</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(без назви)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Store is busy</source>
        <translation>Сховище зайняте</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Сервер недоступний</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>Вхід відхилено</translation>
    </message>
    <message>
        <source>Not a usable store</source>
        <translation>Непридатне сховище</translation>
    </message>
    <message>
        <source>Store problem</source>
        <translation>Проблема зі сховищем</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Неможливо виконати</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong inside the application.&lt;/b&gt;&lt;br&gt;{error}&lt;br&gt;&lt;br&gt;Nothing more was written to the store. Please copy the details below into a bug report.</source>
        <translation>&lt;b&gt;Усередині програми сталася помилка.&lt;/b&gt;&lt;br&gt;{error}&lt;br&gt;&lt;br&gt;До сховища більше нічого не записано. Скопіюйте, будь ласка, подробиці нижче у звіт про помилку.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Копіювати подробиці</translation>
    </message>
    <message>
        <source>System problem</source>
        <translation>Системна проблема</translation>
    </message>
    <message>
        <source>{problem}. Check the disk and the file, then try again.</source>
        <translation>{problem}. Перевірте диск і файл, а тоді спробуйте ще раз.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>{label} (id)</source>
        <translation>{label} (id)</translation>
    </message>
    <message>
        <source>{label} (record)</source>
        <translation>{label} (запису)</translation>
    </message>
    <message>
        <source>{some} or {last}</source>
        <translation>{some} або {last}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Видавець</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Дата публікації</translation>
    </message>
    <message>
        <source>Reference or address</source>
        <translation>Посилання або адреса</translation>
    </message>
    <message>
        <source>handling marking</source>
        <translation>гриф обмеження доступу</translation>
    </message>
    <message>
        <source>handling markings</source>
        <translation>грифи обмеження доступу</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Рівень</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>weapon system type</source>
        <translation>тип системи озброєння</translation>
    </message>
    <message>
        <source>weapon system types</source>
        <translation>типи систем озброєння</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Інші назви</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Country of origin</source>
        <translation>Країна походження</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Виробник</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>recovered item</source>
        <translation>вилучений зразок</translation>
    </message>
    <message>
        <source>recovered items</source>
        <translation>вилучені зразки</translation>
    </message>
    <message>
        <source>System type</source>
        <translation>Тип системи</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Номер справи</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Серійний номер</translation>
    </message>
    <message>
        <source>Production markings</source>
        <translation>Виробниче маркування</translation>
    </message>
    <message>
        <source>Recovered on</source>
        <translation>Дата вилучення</translation>
    </message>
    <message>
        <source>Recovery place</source>
        <translation>Місце вилучення</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Довгота</translation>
    </message>
    <message>
        <source>Circumstances</source>
        <translation>Обставини</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Recovering unit</source>
        <translation>Підрозділ, що вилучив</translation>
    </message>
    <message>
        <source>Handling marking</source>
        <translation>Гриф обмеження доступу</translation>
    </message>
    <message>
        <source>part</source>
        <translation>деталь</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>деталі</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Номер деталі</translation>
    </message>
    <message>
        <source>full ordering code as marked</source>
        <translation>повний код замовлення, як у маркуванні</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Виробник</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Функція</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>Код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>ECCN</source>
        <translation>ECCN</translation>
    </message>
    <message>
        <source>component finding</source>
        <translation>виявлений компонент</translation>
    </message>
    <message>
        <source>component findings</source>
        <translation>виявлені компоненти</translation>
    </message>
    <message>
        <source>Recovered item</source>
        <translation>Вилучений зразок</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Ідентифікація</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Деталь</translation>
    </message>
    <message>
        <source>Marking as read</source>
        <translation>Прочитане маркування</translation>
    </message>
    <message>
        <source>Date code</source>
        <translation>Код дати</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Код партії</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>Location in item</source>
        <translation>Розташування у зразку</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Упевненість</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>організація</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>організації</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Ролі</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Країна</translation>
    </message>
    <message>
        <source>Former names</source>
        <translation>Колишні назви</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>Правонаступник</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Ідентифікатори</translation>
    </message>
    <message>
        <source>SCHEME:value, e.g. INN:7701234567</source>
        <translation>СХЕМА:значення, напр. INN:7701234567</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Адреси</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Вебсайт</translation>
    </message>
    <message>
        <source>sanctions designation</source>
        <translation>санкційне рішення</translation>
    </message>
    <message>
        <source>sanctions designations</source>
        <translation>санкційні рішення</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Орган</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Програма</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>Дата внесення</translation>
    </message>
    <message>
        <source>Delisted on</source>
        <translation>Дата виключення</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Посилання</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>supply link</source>
        <translation>ланка постачання</translation>
    </message>
    <message>
        <source>supply links</source>
        <translation>ланки постачання</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Продавець</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Покупець</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Виявлений компонент</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Вартість</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Declared HS code</source>
        <translation>Задекларований код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>Declared goods description</source>
        <translation>Задекларований опис товару</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>source</source>
        <translation>джерело</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>джерела</translation>
    </message>
    <message>
        <source>Source reliability</source>
        <translation>Надійність джерела</translation>
    </message>
    <message>
        <source>Information credibility</source>
        <translation>Достовірність інформації</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>назва компанії</translation>
    </message>
    <message>
        <source>company names</source>
        <translation>назви компаній</translation>
    </message>
    <message>
        <source>a name the company is, or was, known by</source>
        <translation>назва, під якою компанію знають або знали</translation>
    </message>
    <message>
        <source>Now part of</source>
        <translation>Тепер у складі</translation>
    </message>
    <message>
        <source>the company&apos;s name today, or the company that took it over</source>
        <translation>теперішня назва компанії або компанія, що її поглинула</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Зв’язок</translation>
    </message>
    <message>
        <source>Since (year)</source>
        <translation>З (року)</translation>
    </message>
    <message>
        <source>transshipment hub</source>
        <translation>транзитний вузол</translation>
    </message>
    <message>
        <source>transshipment hubs</source>
        <translation>транзитні вузли</translation>
    </message>
    <message>
        <source>the country or territory as users call it</source>
        <translation>країна чи територія, як її називають користувачі</translation>
    </message>
    <message>
        <source>sanctions list</source>
        <translation>санкційний список</translation>
    </message>
    <message>
        <source>sanctions lists</source>
        <translation>санкційні списки</translation>
    </message>
    <message>
        <source>e.g. OFAC SDN, Consolidated Screening List</source>
        <translation>напр. OFAC SDN, Consolidated Screening List</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <source>as the publisher names it, or the file&apos;s date</source>
        <translation>як її називає видавець, або дата файлу</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записів</translation>
    </message>
    <message>
        <source>screening match</source>
        <translation>збіг перевірки</translation>
    </message>
    <message>
        <source>screening matches</source>
        <translation>збіги перевірки</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Позиція</translation>
    </message>
    <message>
        <source>Listed name</source>
        <translation>Назва у списку</translation>
    </message>
    <message>
        <source>List version</source>
        <translation>Версія списку</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оцінка</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Збіг за</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>Санкційне рішення</translation>
    </message>
    <message>
        <source>saved search</source>
        <translation>збережений пошук</translation>
    </message>
    <message>
        <source>saved searches</source>
        <translation>збережені пошуки</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Запит</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фільтри</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Назва файлу</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Підпис</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Тип медіа</translation>
    </message>
    <message>
        <source>Size in bytes</source>
        <translation>Розмір у байтах</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Висота</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Час зйомки</translation>
    </message>
    <message>
        <source>identification rule</source>
        <translation>правило ідентифікації</translation>
    </message>
    <message>
        <source>identification rules</source>
        <translation>правила ідентифікації</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>regular expression matched at the start of the part number&apos;s search key (capitals and digits only), e.g. STM32[FGHLW][0-9]</source>
        <translation>регулярний вираз, що зіставляється з початком пошукового ключа номера деталі (лише великі літери й цифри), напр. STM32[FGHLW][0-9]</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Виробник</translation>
    </message>
    <message>
        <source>the maker whose name the part carries, e.g. Linear Technology</source>
        <translation>виробник, чия назва є на деталі, напр. Linear Technology</translation>
    </message>
    <message>
        <source>the company that owns the maker today, e.g. Analog Devices</source>
        <translation>компанія, якій виробник належить тепер, напр. Analog Devices</translation>
    </message>
    <message>
        <source>Part family</source>
        <translation>Сімейство деталей</translation>
    </message>
    <message>
        <source>e.g. STM32F4 32-bit Arm Cortex-M4 microcontroller</source>
        <translation>напр. 32-бітний мікроконтролер STM32F4 Arm Cortex-M4</translation>
    </message>
    <message>
        <source>Function category</source>
        <translation>Категорія функції</translation>
    </message>
    <message>
        <source>e.g. microcontroller, FPGA, GNSS receiver</source>
        <translation>напр. мікроконтролер, ПЛІС, приймач GNSS</translation>
    </message>
    <message>
        <source>the ordering-code guide or datasheet the rule comes from</source>
        <translation>довідник кодів замовлення чи технічний опис, з якого взято правило</translation>
    </message>
    <message>
        <source>template module</source>
        <translation>модуль шаблону</translation>
    </message>
    <message>
        <source>template modules</source>
        <translation>модулі шаблону</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Модуль</translation>
    </message>
    <message>
        <source>e.g. flight controller, GNSS receiver</source>
        <translation>напр. польотний контролер, приймач GNSS</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>where the module comes in the checklist</source>
        <translation>місце модуля в контрольному списку</translation>
    </message>
    <message>
        <source>what a finding in this module usually does</source>
        <translation>що зазвичай робить виявлений компонент у цьому модулі</translation>
    </message>
    <message>
        <source>Usual components</source>
        <translation>Типові компоненти</translation>
    </message>
    <message>
        <source>e.g. STM32F405 microcontroller; u-blox NEO-M8N</source>
        <translation>напр. мікроконтролер STM32F405; u-blox NEO-M8N</translation>
    </message>
    <message>
        <source>the public teardown the module is known from</source>
        <translation>публічне розбирання, з якого відомий модуль</translation>
    </message>
    <message>
        <source>photo annotation</source>
        <translation>позначка на фото</translation>
    </message>
    <message>
        <source>photo annotations</source>
        <translation>позначки на фото</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Мітка</translation>
    </message>
    <message>
        <source>e.g. U12</source>
        <translation>напр. U12</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Ліворуч</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Згори</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Ким створено</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Змінено</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ким змінено</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Зразок</translation>
    </message>
    <message>
        <source>Search key</source>
        <translation>Пошуковий ключ</translation>
    </message>
    <message>
        <source>Misread key</source>
        <translation>Ключ схожих символів</translation>
    </message>
    <message>
        <source>CHPL tier</source>
        <translation>Рівень CHPL</translation>
    </message>
    <message>
        <source>Produced from</source>
        <translation>Вироблено від</translation>
    </message>
    <message>
        <source>Produced to</source>
        <translation>Вироблено до</translation>
    </message>
    <message>
        <source>Date-code format</source>
        <translation>Формат коду дати</translation>
    </message>
    <message>
        <source>Date-code reading</source>
        <translation>Розшифрування коду дати</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Camera maker</source>
        <translation>Виробник камери</translation>
    </message>
    <message>
        <source>GPS latitude</source>
        <translation>Широта GPS</translation>
    </message>
    <message>
        <source>GPS longitude</source>
        <translation>Довгота GPS</translation>
    </message>
    <message>
        <source>GPS altitude</source>
        <translation>Висота GPS</translation>
    </message>
    <message>
        <source>Name key</source>
        <translation>Ключ назви</translation>
    </message>
    <message>
        <source>Current name key</source>
        <translation>Ключ теперішньої назви</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Відкликано</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Ким відкликано</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>Причина відкликання</translation>
    </message>
    <message>
        <source>Released by</source>
        <translation>Передав</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Прийняв</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мета</translation>
    </message>
    <message>
        <source>the record&apos;s id: rows already in the store are recognised by it</source>
        <translation>ідентифікатор запису: за ним розпізнаються рядки, що вже є у сховищі</translation>
    </message>
    <message>
        <source>titles or ids of sources, separated by &apos;;&apos;</source>
        <translation>назви або ідентифікатори джерел, розділені «;»</translation>
    </message>
    <message>
        <source>name or id; &apos;Not identified&apos; leaves it empty</source>
        <translation>назва або ідентифікатор; «Not identified» залишає поле порожнім</translation>
    </message>
    <message>
        <source>Manufacturer&apos;s country</source>
        <translation>Країна виробника</translation>
    </message>
    <message>
        <source>two-letter code or English name; used when the maker is new</source>
        <translation>дволітерний код або англійська назва; використовується, коли виробник новий</translation>
    </message>
    <message>
        <source>case reference or id of the recovered item</source>
        <translation>номер справи або ідентифікатор вилученого зразка</translation>
    </message>
    <message>
        <source>Weapon system</source>
        <translation>Система озброєння</translation>
    </message>
    <message>
        <source>system type by name or alias; rows without an item are filed under one item per weapon and source</source>
        <translation>тип системи за назвою або псевдонімом; рядки без зразка записуються до одного зразка на кожну систему озброєння та джерело</translation>
    </message>
    <message>
        <source>as printed, several lines allowed; the part number and date code are read from it when their own columns are missing</source>
        <translation>як надруковано, можна кілька рядків; номер деталі та код дати зчитуються з нього, якщо їхніх стовпців немає</translation>
    </message>
    <message>
        <source>id of the finding the link explains</source>
        <translation>ідентифікатор виявленого компонента, який пояснює ця ланка</translation>
    </message>
</context>
<context>
    <name>graph</name>
    <message>
        <source>from {start} to {end}</source>
        <translation>з {start} по {end}</translation>
    </message>
    <message>
        <source>from {start} on</source>
        <translation>з {start}</translation>
    </message>
    <message>
        <source>up to {end}</source>
        <translation>до {end}</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>User guide</source>
        <translation>Посібник користувача</translation>
    </message>
    <message>
        <source>The user guide is missing: {error}</source>
        <translation>Посібник користувача відсутній: {error}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавіші</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Дія</translation>
    </message>
</context>
<context>
    <name>screening</name>
    <message>
        <source>sanctioned</source>
        <translation>під санкціями</translation>
    </message>
    <message>
        <source>linked to a sanctioned party</source>
        <translation>пов’язаний із підсанкційною особою</translation>
    </message>
    <message>
        <source>counter-sanctioned (by Russia or Belarus)</source>
        <translation>під контрсанкціями (Росії чи Білорусі)</translation>
    </message>
    <message>
        <source>export controlled</source>
        <translation>під експортним контролем</translation>
    </message>
    <message>
        <source>trade risk</source>
        <translation>торговельний ризик</translation>
    </message>
    <message>
        <source>debarred</source>
        <translation>відсторонений</translation>
    </message>
    <message>
        <source>politically exposed person</source>
        <translation>політично значуща особа</translation>
    </message>
    <message>
        <source>close associate of a politically exposed person</source>
        <translation>близька особа політично значущої особи</translation>
    </message>
    <message>
        <source>oligarch</source>
        <translation>олігарх</translation>
    </message>
    <message>
        <source>person of interest</source>
        <translation>особа, що становить інтерес</translation>
    </message>
    <message>
        <source>crime</source>
        <translation>злочин</translation>
    </message>
    <message>
        <source>war crimes</source>
        <translation>воєнні злочини</translation>
    </message>
    <message>
        <source>terrorism</source>
        <translation>тероризм</translation>
    </message>
    <message>
        <source>wanted</source>
        <translation>у розшуку</translation>
    </message>
    <message>
        <source>military</source>
        <translation>військовий</translation>
    </message>
    <message>
        <source>state-owned enterprise</source>
        <translation>державне підприємство</translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation>дискваліфікований</translation>
    </message>
    <message>
        <source>regulatory action</source>
        <translation>регуляторний захід</translation>
    </message>
    <message>
        <source>regulatory warning</source>
        <translation>регуляторне попередження</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Tables</source>
        <translation>Таблиці</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Відкрити вибраний запис</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text</source>
        <translation>Копіювати вибрані клітинки як текст, розділений табуляцією</translation>
    </message>
    <message>
        <source>Right-click on the header</source>
        <translation>Правий клік на заголовку</translation>
    </message>
    <message>
        <source>Choose the columns</source>
        <translation>Вибрати стовпці</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Down, then Enter</source>
        <translation>Вниз, потім Enter</translation>
    </message>
    <message>
        <source>From the search box into the results, open one</source>
        <translation>З поля пошуку до результатів, відкрити один</translation>
    </message>
    <message>
        <source>Finding and part editors</source>
        <translation>Редактори компонентів і деталей</translation>
    </message>
    <message>
        <source>Accept the identification proposed under the marking or part number</source>
        <translation>Прийняти ідентифікацію, запропоновану під маркуванням чи номером деталі</translation>
    </message>
    <message>
        <source>Reference fields</source>
        <translation>Поля посилань</translation>
    </message>
    <message>
        <source>Choose a suggestion, or the last entry to create the record that is missing</source>
        <translation>Вибрати пропозицію або останній пункт, щоб створити відсутній запис</translation>
    </message>
    <message>
        <source>Photo viewer</source>
        <translation>Переглядач фото</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Закрити переглядач</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>Ліворуч / праворуч</translation>
    </message>
    <message>
        <source>Previous / next photo</source>
        <translation>Попереднє / наступне фото</translation>
    </message>
    <message>
        <source>Zoom in / out, fit, actual pixels</source>
        <translation>Збільшити / зменшити, за розміром, справжні пікселі</translation>
    </message>
    <message>
        <source>Annotate, rotate the view, delete the annotation</source>
        <translation>Додати позначку, повернути вигляд, видалити позначку</translation>
    </message>
    <message>
        <source>Supply graph</source>
        <translation>Граф постачання</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Коліщатко</translation>
    </message>
    <message>
        <source>Zoom; drag to move the picture</source>
        <translation>Масштаб; перетягуйте, щоб пересунути зображення</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>Діалоги</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Закрити без змін</translation>
    </message>
    <message>
        <source>Bench mode</source>
        <translation>Режим стенда</translation>
    </message>
    <message>
        <source> or </source>
        <translation> або </translation>
    </message>
</context>
</TS>
