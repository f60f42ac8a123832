<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>BenchModel</name>
    <message>
        <source>new row: type to add a finding</source>
        <translation>новий рядок: почніть вводити, щоб додати виявлений компонент</translation>
    </message>
    <message>
        <source>not saved until you edit it</source>
        <translation>не буде збережено, доки ви його не зміните</translation>
    </message>
    <message>
        <source>not saved yet: saved when you leave the row (or Ctrl+S)</source>
        <translation>ще не збережено: збережеться, коли ви залишите рядок (або Ctrl+S)</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>збереження</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>збережено</translation>
    </message>
    <message>
        <source>refused: not saved</source>
        <translation>відхилено: не збережено</translation>
    </message>
    <message>
        <source>Saved (✓), not saved yet (●), saving (…), refused (✕), not edited (◇)</source>
        <translation>Збережено (✓), ще не збережено (●), збереження (…), відхилено (✕), не змінено (◇)</translation>
    </message>
    <message>
        <source>Proposed: {value} (Ctrl+I accepts)</source>
        <translation>Запропоновано: {value} (Ctrl+I — прийняти)</translation>
    </message>
</context>
<context>
    <name>BenchPanel</name>
    <message>
        <source>Bench mode</source>
        <translation>Режим стенда</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Save every changed row now (Ctrl+S)</source>
        <translation>Зберегти всі змінені рядки зараз (Ctrl+S)</translation>
    </message>
    <message>
        <source>Create and save</source>
        <translation>Створити й зберегти</translation>
    </message>
    <message>
        <source>Save the row, creating the part or maker the store does not know yet (Ctrl+Shift+S)</source>
        <translation>Зберегти рядок, створивши деталь або виробника, яких ще немає у сховищі (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Open finding</source>
        <translation>Відкрити компонент</translation>
    </message>
    <message>
        <source>Open the row&apos;s finding in the editor (Ctrl+O)</source>
        <translation>Відкрити виявлений компонент рядка в редакторі (Ctrl+O)</translation>
    </message>
</context>
<context>
    <name>BenchPhotos</name>
    <message>
        <source>Annotate (A), then drag around a component: the region is linked to the selected row, or, on the new row, starts a row named by its label.</source>
        <translation>Натисніть «Позначити» (A) і обведіть компонент: ділянку буде пов’язано з вибраним рядком, а на новому рядку — створено рядок, названий її міткою.</translation>
    </message>
    <message>
        <source>No photos of this item yet. Add them on its Photos tab (drop files or a folder there, or paste a picture); they show here to be annotated.</source>
        <translation>Фото цього зразка ще немає. Додайте їх на вкладці «Фото» (перетягніть туди файли чи теку або вставте зображення); тут вони з’являться для позначення.</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Позначити</translation>
    </message>
    <message>
        <source>Drag a rectangle around a component</source>
        <translation>Обведіть компонент прямокутником</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Вмістити</translation>
    </message>
    <message>
        <source>The whole photo in view</source>
        <translation>Показати фото повністю</translation>
    </message>
    <message>
        <source>Viewer…</source>
        <translation>Переглядач…</translation>
    </message>
    <message>
        <source>Open the photo in the photo viewer</source>
        <translation>Відкрити фото в переглядачі фото</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>з {count}</translation>
    </message>
</context>
<context>
    <name>BenchRegions</name>
    <message>
        <source>Mark a component</source>
        <translation>Позначити компонент</translation>
    </message>
    <message>
        <source>Label shown on the photo (e.g. U12):</source>
        <translation>Мітка на фото (напр. U12):</translation>
    </message>
    <message>
        <source>Region {label} is linked to its row once the row is saved.</source>
        <translation>Ділянку {label} буде пов’язано з рядком, щойно рядок збережеться.</translation>
    </message>
    <message>
        <source>The region could not be linked: {error}</source>
        <translation>Не вдалося пов’язати ділянку: {error}</translation>
    </message>
</context>
<context>
    <name>BuiltInRulesDialog</name>
    <message>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Виробник</translation>
    </message>
    <message>
        <source>Now part of</source>
        <translation>Тепер у складі</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Part family</source>
        <translation>Сімейство деталей</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>Код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Упевненість</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Built-in identification rules</source>
        <translation>Вбудовані правила ідентифікації</translation>
    </message>
    <message>
        <source>Filter by rule, maker, pattern, family, category or source…</source>
        <translation>Фільтр за правилом, виробником, шаблоном, сімейством, категорією або джерелом…</translation>
    </message>
    <message>
        <source>Reading the rules…</source>
        <translation>Читання правил…</translation>
    </message>
    <message>
        <source>The built-in rules cannot be read: {error}</source>
        <translation>Не вдається прочитати вбудовані правила: {error}</translation>
    </message>
    <message>
        <source>{total} built-in rules</source>
        <translation>Вбудованих правил: {total}</translation>
    </message>
    <message>
        <source>{shown} of {total} built-in rules</source>
        <translation>Вбудованих правил: {shown} з {total}</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>marking</source>
        <translation>маркування</translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message>
        <source>part number</source>
        <translation>номер деталі</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Details</source>
        <translation>Відомості</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Open the {what}</source>
        <translation>Відкрити: {what}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>Pick a source, or create a new one</source>
        <translation>Виберіть джерело або створіть нове</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Відкликати…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>Новий запис: {kind}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ще не збережено</translation>
    </message>
    <message>
        <source>Version {version} · changed {when} UTC by {who}</source>
        <translation>Версія {version} · змінено {when} UTC, автор: {who}</translation>
    </message>
    <message>
        <source>Withdrawn on {when} UTC by {who}: {reason}. It is kept as evidence and can no longer be edited.</source>
        <translation>Відкликано {when} UTC, автор: {who}: {reason}. Запис збережено як доказ, і його більше не можна редагувати.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Не вдається зберегти</translation>
    </message>
    <message>
        <source>Saving the {kind}…</source>
        <translation>Збереження запису ({kind})…</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Не вдається видалити</translation>
    </message>
    <message>
        <source>This {kind} is used by {users}. Remove or re-link those first.</source>
        <translation>Цей запис ({kind}) використовується: {users}. Спершу вилучіть їх або змініть їхні зв’язки.</translation>
    </message>
    <message>
        <source>Also deletes {counted}</source>
        <translation>Також буде видалено — {counted}</translation>
    </message>
    <message>
        <source>Unlinks {counted}</source>
        <translation>Буде від’єднано — {counted}</translation>
    </message>
    <message>
        <source>{count} {what}</source>
        <translation>{what}: {count}</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>Видалення: {kind}</translation>
    </message>
    <message>
        <source>Delete {kind} “{title}”?</source>
        <translation>Видалити запис «{title}» ({kind})?</translation>
    </message>
    <message>
        <source>The deletion is recorded in the audit trail.</source>
        <translation>Видалення буде записано в журнал аудиту.</translation>
    </message>
    <message>
        <source>Withdraw {kind}</source>
        <translation>Відкликання: {kind}</translation>
    </message>
    <message>
        <source>Save or revert your changes first.</source>
        <translation>Спершу збережіть або скасуйте свої зміни.</translation>
    </message>
    <message>
        <source> Its findings and photos are withdrawn with it.</source>
        <translation> Його виявлені компоненти й фото буде відкликано разом із ним.</translation>
    </message>
    <message>
        <source> Its photos are withdrawn with it.</source>
        <translation> Його фото буде відкликано разом із ним.</translation>
    </message>
    <message>
        <source>Why is {kind} “{title}” withdrawn? It stays in the store and in its history, hidden from lists, and can no longer be edited.</source>
        <translation>Чому відкликається запис «{title}» ({kind})? Він залишиться у сховищі та в історії, але буде прихований зі списків, і його більше не можна буде редагувати.</translation>
    </message>
    <message>
        <source>Nothing was withdrawn: a reason is needed.</source>
        <translation>Нічого не відкликано: потрібно вказати причину.</translation>
    </message>
    <message>
        <source>Withdrawing the {kind}…</source>
        <translation>Відкликання запису ({kind})…</translation>
    </message>
    <message>
        <source>unknown {kind} {text}: nothing to open</source>
        <translation>невідомий запис ({kind}) {text}: нічого відкривати</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Built-in rules…</source>
        <translation>Готові правила…</translation>
    </message>
    <message>
        <source>The rules the application comes with: look for one before writing your own</source>
        <translation>Правила, що постачаються з програмою: пошукайте потрібне, перш ніж писати власне</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>System type</source>
        <translation>Тип системи</translation>
    </message>
    <message>
        <source>Recovered item</source>
        <translation>Вилучений зразок</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Виробник</translation>
    </message>
    <message>
        <source>Maker&apos;s country</source>
        <translation>Країна виробника</translation>
    </message>
    <message>
        <source>CHPL tier</source>
        <translation>Рівень CHPL</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>Код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>Made after</source>
        <translation>Виготовлено після</translation>
    </message>
    <message>
        <source>Made before</source>
        <translation>Виготовлено до</translation>
    </message>
    <message>
        <source>Sanctioned company in chain</source>
        <translation>Санкційна компанія в ланцюгу</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Упевненість</translation>
    </message>
    <message>
        <source>Source cited</source>
        <translation>Цитоване джерело</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, e.g. 2022-02-24</source>
        <translation>РРРР-ММ-ДД, напр. 2022-02-24</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>e.g. US</source>
        <translation>напр. US</translation>
    </message>
    <message>
        <source>e.g. 8542</source>
        <translation>напр. 8542</translation>
    </message>
    <message>
        <source>case reference</source>
        <translation>номер справи</translation>
    </message>
    <message>
        <source>name; predecessors included</source>
        <translation>назва; разом із попередниками</translation>
    </message>
    <message>
        <source>title</source>
        <translation>назва</translation>
    </message>
    <message>
        <source>a part</source>
        <translation>до деталі</translation>
    </message>
    <message>
        <source>its maker only</source>
        <translation>лише до виробника</translation>
    </message>
    <message>
        <source>nothing (not identified)</source>
        <translation>не ідентифіковано</translation>
    </message>
    <message>
        <source>Remove these conditions</source>
        <translation>Прибрати ці умови</translation>
    </message>
    <message>
        <source>Part number, marking, maker, system, case reference or source… (Ctrl+K)</source>
        <translation>Номер деталі, маркування, виробник, система, номер справи або джерело… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фільтри</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Збережені</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Зберегти…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Експорт…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Очистити фільтри</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Знайдено</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Збіг</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>Also narrowed by {conditions}</source>
        <translation>Додатково звужено за умовами: {conditions}</translation>
    </message>
    <message>
        <source>{count} {kind}</source>
        <translation>{kind}: {count}</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Нічого не знайдено.</translation>
    </message>
    <message>
        <source>ordering-code family: {count} variants</source>
        <translation>сімейство кодів замовлення: варіантів — {count}</translation>
    </message>
    <message>
        <source>No saved searches yet</source>
        <translation>Збережених пошуків ще немає</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Зберегти пошук</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>Назва цього пошуку:</translation>
    </message>
    <message>
        <source>A saved search named {name} exists. Replace it?</source>
        <translation>Збережений пошук із назвою {name} уже існує. Замінити його?</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>Видалити збережений пошук</translation>
    </message>
    <message>
        <source>Delete the saved search {name}?</source>
        <translation>Видалити збережений пошук {name}?</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Експорт результатів</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>Значення, розділені комами (*.csv)</translation>
    </message>
    <message>
        <source>Exporting search results</source>
        <translation>Експорт результатів пошуку</translation>
    </message>
    <message>
        <source>Wrote {count} records to {path}.</source>
        <translation>Експортовано записів: {count} у файл {path}.</translation>
    </message>
</context>
<context>
    <name>TemplateChecklist</name>
    <message>
        <source>{system} has no template modules yet. Add them on the &lt;b&gt;Template modules&lt;/b&gt; page (one record per module: its name, order and usual function); the checklist and “Start from template” follow.</source>
        <translation>{system}: модулів шаблону ще немає. Додайте їх на сторінці &lt;b&gt;Модулі шаблону&lt;/b&gt; (один запис на модуль: назва, порядок і типова функція); контрольний список і «Почати за шаблоном» підхоплять їх.</translation>
    </message>
    <message>
        <source>A finding is in a module when its position starts with the module&apos;s name (“flight controller U12”); the longest name wins.</source>
        <translation>Виявлений компонент належить модулю, якщо його позиція починається з назви модуля («польотний контролер U12»); перевага — за найдовшою назвою.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Start from template</source>
        <translation>Почати за шаблоном</translation>
    </message>
    <message>
        <source>Add an unsaved row for each module with no finding yet (position and function filled in); rows you do not edit are not saved</source>
        <translation>Додати незбережений рядок для кожного модуля без виявлених компонентів (позицію та функцію заповнено); рядки, які ви не зміните, не збережуться</translation>
    </message>
    <message>
        <source>The system type</source>
        <translation>Тип системи</translation>
    </message>
    <message>
        <source>{count} finding</source>
        <translation>компонентів: {count}</translation>
    </message>
    <message>
        <source>{count} findings</source>
        <translation>компонентів: {count}</translation>
    </message>
    <message>
        <source>Usual components: {components}</source>
        <translation>Типові компоненти: {components}</translation>
    </message>
    <message>
        <source>Template: {done} of {total} modules recorded</source>
        <translation>Шаблон: записано модулів — {done} з {total}</translation>
    </message>
</context>
<context>
    <name>bench_controller</name>
    <message>
        <source>Opening the bench…</source>
        <translation>Відкриття стенда…</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>Відхилені рядки</translation>
    </message>
    <message>
        <source>{count} rows of {item} were refused and are not saved (rows {rows}). Discard them and open the other item?</source>
        <translation>Відхилено й не збережено рядків зразка {item}: {count} (рядки {rows}). Відкинути їх і відкрити інший зразок?</translation>
    </message>
    <message>
        <source>Bench: {item} · {system}</source>
        <translation>Стенд: {item} · {system}</translation>
    </message>
    <message>
        <source>{item} was withdrawn: its findings are shown, not edited.</source>
        <translation>Зразок {item} відкликано: його виявлені компоненти лише показано, без редагування.</translation>
    </message>
    <message>
        <source>The store is open read-only: rows cannot be saved.</source>
        <translation>Сховище відкрито лише для читання: рядки не можна зберегти.</translation>
    </message>
    <message>
        <source>Bench mode</source>
        <translation>Режим стенда</translation>
    </message>
    <message>
        <source>This bench is not edited (see above).</source>
        <translation>Цей стенд не редагується (див. вище).</translation>
    </message>
    <message>
        <source>Delete clears cells of rows not saved yet; to change a saved value, type over it (F2 edits it).</source>
        <translation>Delete очищає клітинки ще не збережених рядків; щоб змінити збережене значення, введіть поверх нього (F2 — редагувати).</translation>
    </message>
    <message>
        <source>Only rows not saved yet are removed; a saved finding is withdrawn in its editor (Ctrl+O), with a reason.</source>
        <translation>Вилучаються лише ще не збережені рядки; збережений виявлений компонент відкликають у його редакторі (Ctrl+O) із зазначенням причини.</translation>
    </message>
    <message>
        <source>This finding was saved as it is: a finding recorded by mistake is withdrawn, with a reason, in its editor (Ctrl+O).</source>
        <translation>Цей виявлений компонент збережено в поточному вигляді: помилково записаний компонент відкликають у його редакторі (Ctrl+O) із зазначенням причини.</translation>
    </message>
    <message>
        <source>Nothing to undo in this row.</source>
        <translation>У цьому рядку нічого скасовувати.</translation>
    </message>
    <message>
        <source>Revert the row</source>
        <translation>Повернути рядок</translation>
    </message>
    <message>
        <source>Revert row {number} to the values it was saved with before ({values})? This saves a new version; the history keeps both.</source>
        <translation>Повернути рядок {number} до значень, із якими його було збережено раніше ({values})? Буде збережено нову версію; історія зберігає обидві.</translation>
    </message>
    <message>
        <source>The row names no part or maker to create; Ctrl+Shift+S creates what a refused row names.</source>
        <translation>У рядку немає деталі чи виробника, яких треба створити; Ctrl+Shift+S створює те, що названо у відхиленому рядку.</translation>
    </message>
    <message>
        <source>part {name}</source>
        <translation>деталь {name}</translation>
    </message>
    <message>
        <source>maker {name}</source>
        <translation>виробник {name}</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>рядок {number}</translation>
    </message>
    <message>
        <source>{where} saved, with the new {made}.</source>
        <translation>{where}: збережено, створено нові записи — {made}.</translation>
    </message>
    <message>
        <source>{where} saved.</source>
        <translation>{where}: збережено.</translation>
    </message>
    <message>
        <source>not saved: an error occurred (see the message)</source>
        <translation>не збережено: сталася помилка (див. повідомлення)</translation>
    </message>
    <message>
        <source>No identification proposed: {error}</source>
        <translation>Ідентифікацію не запропоновано: {error}</translation>
    </message>
    <message>
        <source>Nothing proposed to accept for this marking.</source>
        <translation>Для цього маркування нічого не запропоновано.</translation>
    </message>
    <message>
        <source>Accepted: {fields}. Ctrl+Z takes it back.</source>
        <translation>Прийнято: {fields}. Ctrl+Z — скасувати.</translation>
    </message>
    <message>
        <source>Every module of the template already has a row.</source>
        <translation>Для кожного модуля шаблону вже є рядок.</translation>
    </message>
    <message>
        <source>A row for each module not recorded yet: fill them in (rows you leave untouched are not saved; Ctrl+Delete removes one).</source>
        <translation>Додано рядок для кожного ще не записаного модуля: заповніть їх (рядки, яких ви не торкнетеся, не збережуться; Ctrl+Delete вилучає рядок).</translation>
    </message>
    <message>
        <source>No row for {module} yet: “Start from template” adds one.</source>
        <translation>Рядка для модуля {module} ще немає: «Почати за шаблоном» додасть його.</translation>
    </message>
</context>
<context>
    <name>bench_keys</name>
    <message>
        <source>next / previous cell</source>
        <translation>наступна / попередня клітинка</translation>
    </message>
    <message>
        <source>next / previous cell; from the last cell, the next row (the new row after the last)</source>
        <translation>наступна / попередня клітинка; з останньої клітинки — наступний рядок (після останнього — новий рядок)</translation>
    </message>
    <message>
        <source>next row</source>
        <translation>наступний рядок</translation>
    </message>
    <message>
        <source>keep the cell and start the next row</source>
        <translation>залишити клітинку й почати наступний рядок</translation>
    </message>
    <message>
        <source>new line in the marking</source>
        <translation>новий рядок у маркуванні</translation>
    </message>
    <message>
        <source>a new line in the marking, shown as “ / ” (typing “ / ” does the same)</source>
        <translation>новий рядок у маркуванні, показаний як « / » (введення « / » дає те саме)</translation>
    </message>
    <message>
        <source>accept the proposal</source>
        <translation>прийняти пропозицію</translation>
    </message>
    <message>
        <source>accept the identification proposed in grey</source>
        <translation>прийняти ідентифікацію, запропоновану сірим</translation>
    </message>
    <message>
        <source>copy the cell above</source>
        <translation>копіювати клітинку вище</translation>
    </message>
    <message>
        <source>copy the cell above into this one</source>
        <translation>скопіювати клітинку вище в цю</translation>
    </message>
    <message>
        <source>duplicate the row</source>
        <translation>дублювати рядок</translation>
    </message>
    <message>
        <source>a copy of the row below it, all but position and marking</source>
        <translation>копія рядка під ним — усе, крім позиції та маркування</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>скасувати</translation>
    </message>
    <message>
        <source>undo the row&apos;s last change; after a save, revert the row by a new version</source>
        <translation>скасувати останню зміну рядка; після збереження — повернути рядок новою версією</translation>
    </message>
    <message>
        <source>clear the cell</source>
        <translation>очистити клітинку</translation>
    </message>
    <message>
        <source>clear the cell of a row not saved yet</source>
        <translation>очистити клітинку ще не збереженого рядка</translation>
    </message>
    <message>
        <source>save</source>
        <translation>зберегти</translation>
    </message>
    <message>
        <source>save the changed rows now (a row is saved when you leave it)</source>
        <translation>зберегти змінені рядки зараз (рядок зберігається, коли ви його залишаєте)</translation>
    </message>
    <message>
        <source>save, creating part or maker</source>
        <translation>зберегти, створивши деталь або виробника</translation>
    </message>
    <message>
        <source>save the row, creating the part or maker the store does not know</source>
        <translation>зберегти рядок, створивши деталь або виробника, яких немає у сховищі</translation>
    </message>
    <message>
        <source>remove the row</source>
        <translation>вилучити рядок</translation>
    </message>
    <message>
        <source>remove a row not saved yet</source>
        <translation>вилучити ще не збережений рядок</translation>
    </message>
    <message>
        <source>open the finding</source>
        <translation>відкрити компонент</translation>
    </message>
    <message>
        <source>open the row&apos;s finding in the editor</source>
        <translation>відкрити виявлений компонент рядка в редакторі</translation>
    </message>
</context>
<context>
    <name>bench_status</name>
    <message>
        <source>maker {name}</source>
        <translation>виробника {name}</translation>
    </message>
    <message>
        <source>part {name}</source>
        <translation>деталь {name}</translation>
    </message>
    <message>
        <source>Row {number} refused</source>
        <translation>Рядок {number} відхилено</translation>
    </message>
    <message>
        <source> and </source>
        <translation> і </translation>
    </message>
    <message>
        <source>creates the {what} and saves the row.</source>
        <translation>створює {what} і зберігає рядок.</translation>
    </message>
    <message>
        <source>fills {values}</source>
        <translation>заповнює: {values}</translation>
    </message>
    <message>
        <source>Identification: {reason}</source>
        <translation>Ідентифікація: {reason}</translation>
    </message>
    <message>
        <source>{count} finding saved</source>
        <translation>Збережено: {count}</translation>
    </message>
    <message>
        <source>{count} findings saved</source>
        <translation>Збережено: {count}</translation>
    </message>
    <message>
        <source>{count} not saved yet</source>
        <translation>ще не збережено: {count}</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>відхилено: {count}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Рядок</translation>
    </message>
</context>
<context>
    <name>identify_assist</name>
    <message>
        <source>manufacturer</source>
        <translation>виробник</translation>
    </message>
    <message>
        <source>part</source>
        <translation>деталь</translation>
    </message>
    <message>
        <source>function</source>
        <translation>функція</translation>
    </message>
    <message>
        <source>date code</source>
        <translation>код дати</translation>
    </message>
    <message>
        <source>lot code</source>
        <translation>код партії</translation>
    </message>
    <message>
        <source>category</source>
        <translation>категорія</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>Adding {maker} to the organizations…</source>
        <translation>Додавання {maker} до організацій…</translation>
    </message>
    <message>
        <source>{maker} could not be added: {error}</source>
        <translation>Не вдалося додати {maker}: {error}</translation>
    </message>
    <message>
        <source>Adding {maker}…</source>
        <translation>Додавання {maker}…</translation>
    </message>
    <message>
        <source>{maker} added to the organizations.</source>
        <translation>{maker} додано до організацій.</translation>
    </message>
</context>
<context>
    <name>identify_strip</name>
    <message>
        <source>Identification: type the {what} to see the maker the rules propose.</source>
        <translation>Ідентифікація: введіть {what}, щоб побачити виробника, якого пропонують правила.</translation>
    </message>
    <message>
        <source>January</source>
        <translation>січень</translation>
    </message>
    <message>
        <source>February</source>
        <translation>лютий</translation>
    </message>
    <message>
        <source>March</source>
        <translation>березень</translation>
    </message>
    <message>
        <source>April</source>
        <translation>квітень</translation>
    </message>
    <message>
        <source>May</source>
        <translation>травень</translation>
    </message>
    <message>
        <source>June</source>
        <translation>червень</translation>
    </message>
    <message>
        <source>July</source>
        <translation>липень</translation>
    </message>
    <message>
        <source>August</source>
        <translation>серпень</translation>
    </message>
    <message>
        <source>September</source>
        <translation>вересень</translation>
    </message>
    <message>
        <source>October</source>
        <translation>жовтень</translation>
    </message>
    <message>
        <source>November</source>
        <translation>листопад</translation>
    </message>
    <message>
        <source>December</source>
        <translation>грудень</translation>
    </message>
    <message>
        <source>(now {owner})</source>
        <translation>(тепер {owner})</translation>
    </message>
    <message>
        <source>(not in the store: Accept adds it)</source>
        <translation>(немає у сховищі: «Прийняти» додасть його)</translation>
    </message>
    <message>
        <source>HS {code}</source>
        <translation>УКТЗЕД (HS) {code}</translation>
    </message>
    <message>
        <source>CHPL tier {tier}</source>
        <translation>рівень CHPL {tier}</translation>
    </message>
    <message>
        <source>; lowered from {confidence}</source>
        <translation>; знижено з {confidence}</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Ідентифіковано</translation>
    </message>
    <message>
        <source>Not identified</source>
        <translation>Не ідентифіковано</translation>
    </message>
    <message>
        <source>rule {id}</source>
        <translation>правило {id}</translation>
    </message>
    <message>
        <source>your rule {pattern}</source>
        <translation>ваше правило {pattern}</translation>
    </message>
    <message>
        <source>rules disagree — {makers} or {last}</source>
        <translation>правила розходяться — {makers} або {last}</translation>
    </message>
    <message>
        <source>no rule fits</source>
        <translation>жодне правило не підходить</translation>
    </message>
    <message>
        <source>({year} week {week})</source>
        <translation>({year}, тиждень {week})</translation>
    </message>
    <message>
        <source>({month} {year})</source>
        <translation>({month} {year})</translation>
    </message>
    <message>
        <source>(several readings)</source>
        <translation>(кілька розшифрувань)</translation>
    </message>
    <message>
        <source>in the store</source>
        <translation>у сховищі</translation>
    </message>
    <message>
        <source>part number {number}</source>
        <translation>номер деталі {number}</translation>
    </message>
    <message>
        <source>date code {code}</source>
        <translation>код дати {code}</translation>
    </message>
    <message>
        <source>lot code {code}</source>
        <translation>код партії {code}</translation>
    </message>
    <message>
        <source>origin {country}</source>
        <translation>походження {country}</translation>
    </message>
    <message>
        <source>Read: {facts}</source>
        <translation>Прочитано: {facts}</translation>
    </message>
    <message>
        <source>Accept ({key})</source>
        <translation>Прийняти ({key})</translation>
    </message>
    <message>
        <source>Fill the empty fields from this proposal; nothing you typed is changed, and nothing is saved until you save</source>
        <translation>Заповнити порожні поля з цієї пропозиції; введене вами не змінюється, і нічого не зберігається, доки ви не збережете</translation>
    </message>
    <message>
        <source>Identification failed</source>
        <translation>Помилка ідентифікації</translation>
    </message>
    <message>
        <source>Nothing filled: the fields already hold values (yours are never replaced).</source>
        <translation>Нічого не заповнено: поля вже мають значення (ваші значення ніколи не замінюються).</translation>
    </message>
    <message>
        <source>Filled: {fields}</source>
        <translation>Заповнено: {fields}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Revert undoes every unsaved change</source>
        <translation>«Повернути» скасовує всі незбережені зміни</translation>
    </message>
</context>
<context>
    <name>item_editor</name>
    <message>
        <source>Released by *</source>
        <translation>Передав *</translation>
    </message>
    <message>
        <source>Received by *</source>
        <translation>Прийняв *</translation>
    </message>
    <message>
        <source>When (UTC) *</source>
        <translation>Коли (UTC) *</translation>
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
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Коли (UTC)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
        <source>Correct a transfer of {item}</source>
        <translation>Виправлення передачі зразка {item}</translation>
    </message>
    <message>
        <source>Record a transfer of {item}</source>
        <translation>Запис передачі зразка {item}</translation>
    </message>
    <message>
        <source>why the recorded transfer was wrong</source>
        <translation>чому записана передача була помилковою</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Причина *</translation>
    </message>
    <message>
        <source>Record a transfer…</source>
        <translation>Записати передачу…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Виправити…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Відкликати…</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>не записано</translation>
    </message>
    <message>
        <source>Current custodian: {holder}</source>
        <translation>Поточний зберігач: {holder}</translation>
    </message>
    <message>
        <source>Withdraw a transfer</source>
        <translation>Відкликати передачу</translation>
    </message>
    <message>
        <source>Why did the transfer of {when} from {released_by} to {received_by} not happen as recorded? It stays in the list, struck through.</source>
        <translation>Чому передача {when} від {released_by} до {received_by} відбулася не так, як записано? Вона залишиться у списку, закреслена.</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>виправлення</translation>
    </message>
    <message>
        <source>withdrawal</source>
        <translation>відкликання</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>виправлено</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>відкликано</translation>
    </message>
    <message>
        <source>{what}, then {done}</source>
        <translation>{what}, потім {done}</translation>
    </message>
    <message>
        <source>{done} on {when} by {who}: {reason}</source>
        <translation>{done} {when}, автор: {who}: {reason}</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Зберігання / передача</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Виявлені компоненти</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Write the teardown report of this item (PDF)</source>
        <translation>Скласти звіт про розбирання цього зразка (PDF)</translation>
    </message>
    <message>
        <source>New finding in this item</source>
        <translation>Новий виявлений компонент у цьому зразку</translation>
    </message>
    <message>
        <source>Bench mode…</source>
        <translation>Режим стенда…</translation>
    </message>
    <message>
        <source>Record many findings of this item in a row: a grid edited with the keyboard, the item&apos;s photos and its template beside it</source>
        <translation>Записати багато виявлених компонентів цього зразка поспіль: таблиця, що редагується з клавіатури, поруч — фото зразка та його шаблон</translation>
    </message>
</context>
<context>
    <name>rule_try</name>
    <message>
        <source>Typed</source>
        <translation>Введено</translation>
    </message>
    <message>
        <source>The rules answer</source>
        <translation>Відповідь правил</translation>
    </message>
    <message>
        <source>This rule</source>
        <translation>Це правило</translation>
    </message>
    <message>
        <source>give the maker to try this rule</source>
        <translation>вкажіть виробника, щоб випробувати це правило</translation>
    </message>
    <message>
        <source>its pattern is not valid (the field says why)</source>
        <translation>його шаблон недійсний (причину вказано в полі)</translation>
    </message>
    <message>
        <source>Identified: {maker} — {confidence} ({rule})</source>
        <translation>Ідентифіковано: {maker} — {confidence} ({rule})</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>не підходить</translation>
    </message>
    <message>
        <source>fits: its maker is proposed</source>
        <translation>підходить: пропонується його виробник</translation>
    </message>
    <message>
        <source>fits, and disagrees with another rule</source>
        <translation>підходить, але розходиться з іншим правилом</translation>
    </message>
    <message>
        <source>fits; {rule} is preferred (same company)</source>
        <translation>підходить; перевагу має {rule} (та сама компанія)</translation>
    </message>
    <message>
        <source>fits; {rule} is more specific</source>
        <translation>підходить; {rule} точніше</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>підходить</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Випробувати</translation>
    </message>
    <message>
        <source>One part number or marking a line, answered by the built-in rules, your store&apos;s rules and this rule as the form shows it (saved or not).</source>
        <translation>По одному номеру деталі чи маркуванню в рядку; відповідають вбудовані правила, правила вашого сховища та це правило в тому вигляді, як його показує форма (збережене чи ні).</translation>
    </message>
    <message>
        <source>e.g.</source>
        <translation>напр.</translation>
    </message>
    <message>
        <source>This rule cannot be tried yet: {problem}</source>
        <translation>Це правило ще не можна випробувати: {problem}</translation>
    </message>
    <message>
        <source>Only the first {most} lines are tried ({count} left out).</source>
        <translation>Випробовуються лише перші {most} рядків (пропущено: {count}).</translation>
    </message>
</context>
<context>
    <name>seen_before</name>
    <message>
        <source>no finding recorded yet.</source>
        <translation>виявлених компонентів ще не записано.</translation>
    </message>
    <message>
        <source>{count} finding</source>
        <translation>Виявлених компонентів — {count}</translation>
    </message>
    <message>
        <source>{count} findings</source>
        <translation>Виявлених компонентів — {count}</translation>
    </message>
    <message>
        <source>{count} item</source>
        <translation>вилучених зразків — {count}</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>вилучених зразків — {count}</translation>
    </message>
    <message>
        <source>{count} system type</source>
        <translation>типів систем озброєння — {count}</translation>
    </message>
    <message>
        <source>{count} system types</source>
        <translation>типів систем озброєння — {count}</translation>
    </message>
    <message>
        <source>{findings} in {items} of {systems}: {names}</source>
        <translation>{findings}, {items}, {systems}: {names}</translation>
    </message>
    <message>
        <source>Recovered: {recovered} · produced: {produced}</source>
        <translation>Вилучено: {recovered} · вироблено: {produced}</translation>
    </message>
    <message>
        <source>recovered {date}</source>
        <translation>вилучено {date}</translation>
    </message>
    <message>
        <source>{finding} in {item}</source>
        <translation>{finding} у зразку {item}</translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>…і ще {count}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>з {first} по {last}</translation>
    </message>
    <message>
        <source>Seen before</source>
        <translation>Траплялося раніше</translation>
    </message>
    <message>
        <source>Show all in Search</source>
        <translation>Показати всі в пошуку</translation>
    </message>
    <message>
        <source>Open a part, a finding or an organization to see where else it was found.</source>
        <translation>Відкрийте деталь, виявлений компонент або організацію, щоб побачити, де ще їх знаходили.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <source>Show all {count} in Search</source>
        <translation>Показати всі ({count}) в пошуку</translation>
    </message>
    <message>
        <source>Show in Search</source>
        <translation>Показати в пошуку</translation>
    </message>
    <message>
        <source>Search for “{text}”</source>
        <translation>Шукати «{text}»</translation>
    </message>
    <message>
        <source>Search with the maker filter {maker} (its predecessors included)</source>
        <translation>Шукати з фільтром за виробником {maker} (разом із попередниками)</translation>
    </message>
    <message>
        <source>Search for {text}</source>
        <translation>Шукати {text}</translation>
    </message>
    <message>
        <source>Withdrawn findings are not counted, nor this finding.</source>
        <translation>Відкликані виявлені компоненти не враховано, як і цей виявлений компонент.</translation>
    </message>
    <message>
        <source>Withdrawn findings are not counted.</source>
        <translation>Відкликані виявлені компоненти не враховано.</translation>
    </message>
    <message>
        <source>{subject}, other than this finding</source>
        <translation>{subject}, крім цього виявленого компонента</translation>
    </message>
    <message>
        <source>this finding: no part, maker or marking to compare</source>
        <translation>цей виявлений компонент: немає деталі, виробника чи маркування для порівняння</translation>
    </message>
    <message>
        <source>marking {marking}</source>
        <translation>маркування {marking}</translation>
    </message>
    <message>
        <source>part {part_number}</source>
        <translation>деталь {part_number}</translation>
    </message>
    <message>
        <source>parts that {role} {name} sold or bought</source>
        <translation>деталі, які продала або купила організація {name} ({role})</translation>
    </message>
    <message>
        <source>parts that {role} {name} sold or bought (the {count} parts of its newest links)</source>
        <translation>деталі, які продала або купила організація {name} ({role}; {count} деталей її найновіших ланок постачання)</translation>
    </message>
    <message>
        <source>maker {name}</source>
        <translation>виробник {name}</translation>
    </message>
    <message>
        <source>maker {name} and its predecessors</source>
        <translation>виробник {name} та його попередники</translation>
    </message>
    <message>
        <source>company {name}</source>
        <translation>організація {name}</translation>
    </message>
    <message>
        <source>company {name} and its predecessors</source>
        <translation>організація {name} та її попередники</translation>
    </message>
</context>
</TS>
