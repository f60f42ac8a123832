<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>BriefDialog</name>
    <message>
        <source>Write a brief</source>
        <translation>Написати довідку</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Довідка</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Розділи</translation>
    </message>
    <message>
        <source>Leave out hypothesis-level supply links</source>
        <translation>Не включати ланки постачання рівня гіпотези</translation>
    </message>
    <message>
        <source>Redact photo metadata (when, camera, GPS position)</source>
        <translation>Приховати метадані фото (час, камера, GPS-координати)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Параметри</translation>
    </message>
    <message>
        <source>Supply links</source>
        <translation>Ланки постачання</translation>
    </message>
    <message>
        <source>you ({login})</source>
        <translation>ви ({login})</translation>
    </message>
    <message>
        <source>you</source>
        <translation>ви</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Photos are downsampled to this resolution at the page&apos;s width</source>
        <translation>Фото зменшуються до цієї роздільної здатності на ширину сторінки</translation>
    </message>
    <message>
        <source>Photos at</source>
        <translation>Фото з роздільністю</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Зберегти як</translation>
    </message>
    <message>
        <source>dated from</source>
        <translation>датовані з</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>Only supply links dated within the period are considered; links without a date stay in, since they may fall inside it</source>
        <translation>Враховуються лише ланки постачання, датовані в межах періоду; ланки без дати залишаються, бо можуть належати до нього</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показати в теці</translation>
    </message>
    <message>
        <source>Write brief</source>
        <translation>Написати довідку</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>This brief covers the whole store.</source>
        <translation>Ця довідка охоплює все сховище.</translation>
    </message>
    <message>
        <source>Save the brief as</source>
        <translation>Зберегти довідку як</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the brief…</source>
        <translation>Створення довідки…</translation>
    </message>
    <message>
        <source>Open a store first.</source>
        <translation>Спершу відкрийте сховище.</translation>
    </message>
    <message>
        <source>Say what the brief is about: {what}.</source>
        <translation>Укажіть предмет довідки: {what}.</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Виберіть принаймні один розділ.</translation>
    </message>
    <message>
        <source>Say which file to write (Choose…).</source>
        <translation>Укажіть файл для запису (Вибрати…).</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Замінити файл?</translation>
    </message>
    <message>
        <source>{file} exists. Replace it with the new brief?</source>
        <translation>{file} уже існує. Замінити його новою довідкою?</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>Читання сховища…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Stop writing: nothing is written</source>
        <translation>Зупинити створення: нічого не буде записано</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Скасовано: нічого не записано.</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>сторінок: {count}</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>сторінок: {count}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Written:&lt;/b&gt; {pages}, {size}, marking {marking}</source>
        <translation>&lt;b&gt;Записано:&lt;/b&gt; {pages}, {size}, гриф {marking}</translation>
    </message>
    <message>
        <source>The brief could not be written: {error}</source>
        <translation>Не вдалося створити довідку: {error}</translation>
    </message>
</context>
<context>
    <name>ChainsPanel</name>
    <message>
        <source>Chain / step</source>
        <translation>Ланцюг / крок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Designation at the link&apos;s date</source>
        <translation>Санкції на дату ланки</translation>
    </message>
    <message>
        <source>no source cited</source>
        <translation>джерело не вказано</translation>
    </message>
    <message>
        <source>seller {seller}
buyer {buyer}</source>
        <translation>продавець: {seller}
покупець: {buyer}</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source>{seller} → {buyer}; double-click to open the link</source>
        <translation>{seller} → {buyer}; двічі клацніть, щоб відкрити ланку</translation>
    </message>
    <message>
        <source>Links dated from</source>
        <translation>Ланки, датовані з</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>Looking for chains…</source>
        <translation>Пошук ланцюгів…</translation>
    </message>
    <message>
        <source>Find chains</source>
        <translation>Знайти ланцюги</translation>
    </message>
    <message>
        <source>Looking for supply chains…</source>
        <translation>Пошук ланцюгів постачання…</translation>
    </message>
    <message>
        <source>no manufacturer</source>
        <translation>виробника не вказано</translation>
    </message>
    <message>
        <source>{subject} — from {maker}: {count} probable chain</source>
        <translation>{subject} — від {maker}: імовірних ланцюгів: {count}</translation>
    </message>
    <message>
        <source>{subject} — from {maker}: {count} probable chains</source>
        <translation>{subject} — від {maker}: імовірних ланцюгів: {count}</translation>
    </message>
    <message>
        <source>Probable supply chains</source>
        <translation>Імовірні ланцюги постачання</translation>
    </message>
    <message>
        <source>Probable supply chains — {subject}</source>
        <translation>Імовірні ланцюги постачання — {subject}</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Copy, save or export this chart</source>
        <translation>Копіювати, зберегти або експортувати цю діаграму</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>&amp;Копіювати зображення</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>Зберегти як &amp;PNG…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>Зберегти як &amp;SVG…</translation>
    </message>
    <message>
        <source>Export data as C&amp;SV…</source>
        <translation>Експортувати дані в C&amp;SV…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Зображення PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Рисунок SVG (*.svg)</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>Значення, розділені комами (*.csv)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Експорт даних</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Зберегти діаграму</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>All system types</source>
        <translation>Усі типи систем</translation>
    </message>
    <message>
        <source>case references, comma-separated</source>
        <translation>номери справ через кому</translation>
    </message>
    <message>
        <source>Only the findings of these recovered items</source>
        <translation>Лише виявлені компоненти цих вилучених зразків</translation>
    </message>
    <message>
        <source>The share of components produced after this date (from their date codes)</source>
        <translation>Частка компонентів, виготовлених після цієї дати (за кодами дати)</translation>
    </message>
    <message>
        <source>How many manufacturers the figure of makers names</source>
        <translation>Скільки виробників показує діаграма виробників</translation>
    </message>
    <message>
        <source>System type</source>
        <translation>Тип системи</translation>
    </message>
    <message>
        <source>Recovered from</source>
        <translation>Вилучено з</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Зразки</translation>
    </message>
    <message>
        <source>Produced after</source>
        <translation>Виготовлено після</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Перші</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>Recovered to</source>
        <translation>Вилучено по</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>Обчислення показників…</translation>
    </message>
    <message>
        <source>{text} is not a date (YYYY-MM-DD)</source>
        <translation>{text} не є датою (РРРР-ММ-ДД)</translation>
    </message>
    <message>
        <source>{findings} finding in {items}</source>
        <translation>Виявлених компонентів: {findings}; {items}</translation>
    </message>
    <message>
        <source>{findings} findings in {items}</source>
        <translation>Виявлених компонентів: {findings}; {items}</translation>
    </message>
    <message>
        <source>{count} recovered item</source>
        <translation>вилучених зразків: {count}</translation>
    </message>
    <message>
        <source>{count} recovered items</source>
        <translation>вилучених зразків: {count}</translation>
    </message>
    <message>
        <source>{counted}; withdrawn evidence is not counted. Point at a bar for its numbers; click it to list its findings.</source>
        <translation>{counted}; відкликані докази не враховуються. Наведіть курсор на стовпчик, щоб побачити його числа; клацніть, щоб переглянути його виявлені компоненти.</translation>
    </message>
    <message>
        <source>{text} No figures for these filters.</source>
        <translation>{text} Для цих фільтрів показників немає.</translation>
    </message>
</context>
<context>
    <name>GapPanel</name>
    <message>
        <source>Double-click to open the organization</source>
        <translation>Двічі клацніть, щоб відкрити організацію</translation>
    </message>
    <message>
        <source>Double-click to open the part</source>
        <translation>Двічі клацніть, щоб відкрити деталь</translation>
    </message>
    <message>
        <source>Double-click to open the finding</source>
        <translation>Двічі клацніть, щоб відкрити виявлений компонент</translation>
    </message>
    <message>
        <source>Double-click to open the {kind}</source>
        <translation>Двічі клацніть, щоб відкрити запис ({kind})</translation>
    </message>
    <message>
        <source>{count} chain</source>
        <translation>ланцюгів: {count}</translation>
    </message>
    <message>
        <source>{count} chains</source>
        <translation>ланцюгів: {count}</translation>
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
        <source>on chains of {parts}</source>
        <translation>у ланцюгах {parts}</translation>
    </message>
    <message>
        <source>Parts whose probable chains to a Russian importer or end user pass through no company designated today (the manufacturer apart), and the companies on those chains with the evidence behind each link.</source>
        <translation>Деталі, імовірні ланцюги яких до російського імпортера чи кінцевого користувача не проходять через жодну компанію під чинними санкціями (крім виробника), та компанії в цих ланцюгах із доказами для кожної ланки.</translation>
    </message>
    <message>
        <source>Part, company, chain or link</source>
        <translation>Деталь, компанія, ланцюг або ланка</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Examining the supply chains…</source>
        <translation>Аналіз ланцюгів постачання…</translation>
    </message>
    <message>
        <source>Looking for the sanctions gap…</source>
        <translation>Пошук прогалин у санкціях…</translation>
    </message>
    <message>
        <source>Parts with chains through no designated company ({count})</source>
        <translation>Деталі з ланцюгами без жодної компанії під санкціями ({count})</translation>
    </message>
    <message>
        <source>Companies designated nowhere on those chains ({count})</source>
        <translation>Компанії в цих ланцюгах, що не перебувають під санкціями ({count})</translation>
    </message>
    <message>
        <source>{count} part with supply links examined</source>
        <translation>Перевірено деталей із ланками постачання: {count}</translation>
    </message>
    <message>
        <source>{count} parts with supply links examined</source>
        <translation>Перевірено деталей із ланками постачання: {count}</translation>
    </message>
    <message>
        <source>Sanctions gap</source>
        <translation>Прогалини в санкціях</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <source>All parts</source>
        <translation>Усі деталі</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Деталь</translation>
    </message>
    <message>
        <source>part number</source>
        <translation>номер деталі</translation>
    </message>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>Undated links</source>
        <translation>Ланки без дати</translation>
    </message>
    <message>
        <source>Links whose date is not recorded stay in the graph, labelled &apos;undated&apos;, even when a period is set (nobody can tell whether they fall inside it); untick to leave them out.</source>
        <translation>Ланки без записаної дати залишаються на графі з позначкою «без дати», навіть коли задано період (невідомо, чи належать вони до нього); зніміть позначку, щоб не показувати їх.</translation>
    </message>
    <message>
        <source>Dates on arrows</source>
        <translation>Дати на стрілках</translation>
    </message>
    <message>
        <source>Show the dates (and parts) on the arrows</source>
        <translation>Показувати дати (і деталі) на стрілках</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Зменшити</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Збільшити</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Умістити</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Показати весь граф</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>Експортувати зображення…</translation>
    </message>
    <message>
        <source>Show all organizations</source>
        <translation>Показати всі організації</translation>
    </message>
    <message>
        <source>Leave this organization or finding out of the filter</source>
        <translation>Прибрати цю організацію чи виявлений компонент із фільтра</translation>
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
        <source>Only the links around the organization {title}</source>
        <translation>Лише ланки навколо організації {title}</translation>
    </message>
    <message>
        <source>Only the links around the finding {title}</source>
        <translation>Лише ланки навколо виявленого компонента {title}</translation>
    </message>
    <message>
        <source>Reading the supply graph…</source>
        <translation>Читання графа постачання…</translation>
    </message>
    <message>
        <source>Drawing the supply graph…</source>
        <translation>Побудова графа постачання…</translation>
    </message>
    <message>
        <source>Supply links — {title}</source>
        <translation>Ланки постачання — {title}</translation>
    </message>
    <message>
        <source> · {count} date label left out where it would cover others (point at an arrow to see its links)</source>
        <translation> · підписів дат пропущено: {count}, щоб не перекривати інші (наведіть курсор на стрілку, щоб побачити її ланки)</translation>
    </message>
    <message>
        <source> · {count} date labels left out where they would cover others (point at an arrow to see its links)</source>
        <translation> · підписів дат пропущено: {count}, щоб не перекривати інші (наведіть курсор на стрілку, щоб побачити її ланки)</translation>
    </message>
    <message>
        <source>{count} organization</source>
        <translation>організацій: {count}</translation>
    </message>
    <message>
        <source>{count} organizations</source>
        <translation>організацій: {count}</translation>
    </message>
    <message>
        <source>{count} supply link</source>
        <translation>ланок постачання: {count}</translation>
    </message>
    <message>
        <source>{count} supply links</source>
        <translation>ланок постачання: {count}</translation>
    </message>
    <message>
        <source>{organizations}, {links}</source>
        <translation>{organizations}, {links}</translation>
    </message>
    <message>
        <source>{count} undated (shown)</source>
        <translation>без дати: {count} (показано)</translation>
    </message>
    <message>
        <source>undated links left out</source>
        <translation>ланки без дати не показано</translation>
    </message>
    <message>
        <source>{count} from a company to itself (not drawn)</source>
        <translation>від компанії до себе самої: {count} (не показано)</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source>no part</source>
        <translation>без деталі</translation>
    </message>
    <message>
        <source>Export the supply graph</source>
        <translation>Експорт графа постачання</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Зображення PNG (*.png);;Рисунок SVG (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Не вдалося експортувати</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <source>Waiting for a decision</source>
        <translation>Очікують рішення</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Підтверджено</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Відхилено</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Усі рішення</translation>
    </message>
    <message>
        <source>Any change</source>
        <translation>Будь-яка зміна</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Нові</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Змінені</translation>
    </message>
    <message>
        <source>Removed from the list</source>
        <translation>Вилучені зі списку</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без змін</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оцінка</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Listed name</source>
        <translation>Назва у списку</translation>
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
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Збіг за</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубліковано</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Перевірено</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Очікують</translation>
    </message>
    <message>
        <source>List files (*.csv *.json *.jsonl *.ndjson);;CSV files (*.csv);;JSON lines (*.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>Файли списків (*.csv *.json *.jsonl *.ndjson);;Файли CSV (*.csv);;Рядки JSON (*.json *.jsonl *.ndjson);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Import sanctions list</source>
        <translation>Імпорт санкційного списку</translation>
    </message>
    <message>
        <source>&lt;b&gt;Files:&lt;/b&gt; {names}</source>
        <translation>&lt;b&gt;Файли:&lt;/b&gt; {names}</translation>
    </message>
    <message>
        <source>Reading the date the file states…</source>
        <translation>Читання дати, зазначеної у файлі…</translation>
    </message>
    <message>
        <source>Reading the list files…</source>
        <translation>Читання файлів списку…</translation>
    </message>
    <message>
        <source>Recognise from the files</source>
        <translation>Визначити за файлами</translation>
    </message>
    <message>
        <source>default: OFAC SDN, Consolidated Screening List…</source>
        <translation>типово: OFAC SDN, Consolidated Screening List…</translation>
    </message>
    <message>
        <source>default: the version&apos;s date</source>
        <translation>типово: дата версії</translation>
    </message>
    <message>
        <source>As the publisher names the version; by default its date.</source>
        <translation>Як видавець називає версію; типово — її дата.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; default: from the file</source>
        <translation>РРРР-ММ-ДД; типово: з файлу</translation>
    </message>
    <message>
        <source>List name</source>
        <translation>Назва списку</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Дата публікації</translation>
    </message>
    <message>
        <source>The file states no version name: its date is used. Give the publisher&apos;s name for the version if it has one.</source>
        <translation>У файлі не зазначено назви версії: використовується її дата. Укажіть назву версії від видавця, якщо вона є.</translation>
    </message>
    <message>
        <source>By default the version&apos;s date. Give the publisher&apos;s name for the version if it has one.</source>
        <translation>Типово — дата версії. Укажіть назву версії від видавця, якщо вона є.</translation>
    </message>
    <message>
        <source>Recognised: {format}.</source>
        <translation>Розпізнано: {format}.</translation>
    </message>
    <message>
        <source>Import a list downloaded from its publisher to screen every organization against it.</source>
        <translation>Імпортуйте список, завантажений від його видавця, щоб перевірити за ним кожну організацію.</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Імпортувати список…</translation>
    </message>
    <message>
        <source>Screen again</source>
        <translation>Перевірити знову</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <source>Imported list versions; screening uses the newest (bold) of each list</source>
        <translation>Імпортовані версії списків; перевірка використовує найновішу (жирним) версію кожного списку</translation>
    </message>
    <message>
        <source>Note for the decision (optional): why</source>
        <translation>Примітка до рішення (необов&apos;язково): чому</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Підтвердити</translation>
    </message>
    <message>
        <source>The organization is the listed entry: record a designation citing the list</source>
        <translation>Організація відповідає запису у списку: записати санкції з посиланням на список</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Відхилити</translation>
    </message>
    <message>
        <source>The organization is not the listed entry; not asked again unless the entry changes</source>
        <translation>Організація не відповідає запису у списку; питання не виникне знову, доки запис не зміниться</translation>
    </message>
    <message>
        <source>Open organization</source>
        <translation>Відкрити організацію</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ще ні</translation>
    </message>
    <message>
        <source>No screening against this version has completed: Screen again (it also runs when the application starts)</source>
        <translation>Жодна перевірка за цією версією не завершилася: натисніть «Перевірити знову» (перевірка також запускається під час старту програми)</translation>
    </message>
    <message>
        <source>none: no longer listed</source>
        <translation>немає: більше не в списку</translation>
    </message>
    <message>
        <source>{list} entry {entry}</source>
        <translation>{list}, запис {entry}</translation>
    </message>
    <message>
        <source>Entry {entry} is in no imported version.</source>
        <translation>Запису {entry} немає в жодній імпортованій версії.</translation>
    </message>
    <message>
        <source>authority not given</source>
        <translation>орган не вказано</translation>
    </message>
    <message>
        <source>, listed {date}</source>
        <translation>, внесено до списку {date}</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Теми</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Програми</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>Also listed as</source>
        <translation>Також у списку як</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Ідентифікатори</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>Importing {files}…</source>
        <translation>Імпорт {files}…</translation>
    </message>
    <message>
        <source>Importing the sanctions list…</source>
        <translation>Імпорт санкційного списку…</translation>
    </message>
    <message>
        <source>Not imported: {error}</source>
        <translation>Не імпортовано: {error}</translation>
    </message>
    <message>
        <source>Screening organizations…</source>
        <translation>Перевірка організацій за санкційними списками…</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>підтверджено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>{organization}: {verb} as {entry} ({list}).</source>
        <translation>{organization}: {verb} як {entry} ({list}).</translation>
    </message>
    <message>
        <source> Designation recorded ({authority}).</source>
        <translation> Санкції записано ({authority}).</translation>
    </message>
    <message>
        <source>Removed from the list in {list} version {version}.</source>
        <translation>Вилучено зі списку у версії {version} списку {list}.</translation>
    </message>
    <message>
        <source>Removed from the list.</source>
        <translation>Вилучено зі списку.</translation>
    </message>
    <message>
        <source> It no longer waits for a decision and cannot be confirmed.</source>
        <translation> Більше не очікує рішення і не може бути підтверджений.</translation>
    </message>
</context>
<context>
    <name>SupplyLinksBox</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Деталь</translation>
    </message>
    <message>
        <source>hub</source>
        <translation>транзитний вузол</translation>
    </message>
    <message>
        <source>Supply links</source>
        <translation>Ланки постачання</translation>
    </message>
    <message>
        <source>New link…</source>
        <translation>Нова ланка…</translation>
    </message>
    <message>
        <source>Record a supply link for this record</source>
        <translation>Записати ланку постачання для цього запису</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Probable chains…</source>
        <translation>Ланцюги…</translation>
    </message>
    <message>
        <source>Paths from the maker to a Russian importer or end user</source>
        <translation>Шляхи від виробника до російського імпортера чи кінцевого користувача</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Граф</translation>
    </message>
    <message>
        <source>Show these supply links in the supply graph</source>
        <translation>Показати ці ланки на графі постачання</translation>
    </message>
    <message>
        <source>Save the record to record its supply links.</source>
        <translation>Збережіть запис, щоб додати до нього ланки постачання.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <source>Supply links ({count})</source>
        <translation>Ланки постачання ({count})</translation>
    </message>
    <message>
        <source>; the newest {count} are shown</source>
        <translation>; показано найновіші: {count}</translation>
    </message>
    <message>
        <source>{count} link</source>
        <translation>Ланок: {count}</translation>
    </message>
    <message>
        <source>{count} links</source>
        <translation>Ланок: {count}</translation>
    </message>
    <message>
        <source>No supply links recorded yet.</source>
        <translation>Ланок постачання ще не записано.</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source>recorded for {record}</source>
        <translation>записано для {record}</translation>
    </message>
    <message>
        <source>recorded with no part</source>
        <translation>записано без деталі</translation>
    </message>
    <message>
        <source>No source cited</source>
        <translation>Джерело не вказано</translation>
    </message>
</context>
<context>
    <name>brief_actions</name>
    <message>
        <source>Write a PDF brief about this</source>
        <translation>Написати довідку PDF про це</translation>
    </message>
    <message>
        <source>Brief…</source>
        <translation>Довідка…</translation>
    </message>
</context>
<context>
    <name>brief_task</name>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>не вдалося записати {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>chart_export</name>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>{name}: choose a name ending in .png, .svg or .csv</source>
        <translation>{name}: виберіть назву із закінченням .png, .svg або .csv</translation>
    </message>
    <message>
        <source>{target} is a folder; give the name of a file</source>
        <translation>{target} — це тека; укажіть назву файлу</translation>
    </message>
    <message>
        <source>{target}: the folder {folder} does not exist</source>
        <translation>{target}: теки {folder} не існує</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>no manufacturer identified</source>
        <translation>виробника не встановлено</translation>
    </message>
    <message>
        <source>no part identified</source>
        <translation>деталь не встановлено</translation>
    </message>
    <message>
        <source>the part has no HS code</source>
        <translation>для деталі не вказано код УКТЗЕД (HS)</translation>
    </message>
    <message>
        <source>HS code not on the CHPL</source>
        <translation>код HS відсутній у CHPL</translation>
    </message>
    <message>
        <source>Components by manufacturer country</source>
        <translation>Компоненти за країною виробника</translation>
    </message>
    <message>
        <source>manufacturer&apos;s country not recorded</source>
        <translation>країну виробника не записано</translation>
    </message>
    <message>
        <source>The country is the manufacturer&apos;s as recorded, not where the component was made or bought.</source>
        <translation>Країна — це країна виробника, як її записано, а не місце виготовлення чи придбання компонента.</translation>
    </message>
    <message>
        <source>other makers ({count})</source>
        <translation>інші виробники ({count})</translation>
    </message>
    <message>
        <source>{count} makers with fewer findings each</source>
        <translation>виробників із меншою кількістю виявлених компонентів: {count}</translation>
    </message>
    <message>
        <source>Components by manufacturer (the {count} most found)</source>
        <translation>Компоненти за виробником ({count} найчастіше виявлених)</translation>
    </message>
    <message>
        <source>Makers as recorded: a company taken over is counted under its own name, its successor named beside it.</source>
        <translation>Виробники як їх записано: поглинуту компанію враховано під її власною назвою, поруч зазначено правонаступника.</translation>
    </message>
    <message>
        <source>now part of {successor}</source>
        <translation>тепер у складі {successor}</translation>
    </message>
    <message>
        <source>other countries</source>
        <translation>інші країни</translation>
    </message>
    <message>
        <source>made by Russian or Belarusian makers</source>
        <translation>виготовлено російськими або білоруськими виробниками</translation>
    </message>
    <message>
        <source>Foreign components by the maker&apos;s country</source>
        <translation>Іноземні компоненти за країною виробника</translation>
    </message>
    <message>
        <source>Foreign: made by a maker whose country is recorded and is neither Russia nor Belarus. The European Union is its 27 member states.</source>
        <translation>Іноземні: виготовлені виробником, країну якого записано і яка не є ні Росією, ні Білоруссю. Європейський Союз — це 27 його держав-членів.</translation>
    </message>
    <message>
        <source>A maker is listed when its components were found in items recovered in at least two different half-years (January to June, July to December); {count} makers are, the {shown} with the longest span of recoveries first (then the most found). Counted: each maker&apos;s findings in items with a recovery date.</source>
        <translation>Виробника наведено, якщо його компоненти виявлено у зразках, вилучених щонайменше у двох різних півріччях (січень–червень, липень–грудень); таких виробників: {count}, спершу {shown} з найдовшим проміжком вилучень (далі — з найбільшою кількістю виявлених). Враховано: виявлені компоненти кожного виробника у зразках із датою вилучення.</translation>
    </message>
    <message>
        <source>Makers whose components keep being recovered</source>
        <translation>Виробники, чиї компоненти вилучають знову і знову</translation>
    </message>
    <message>
        <source>in an item with no recovery date</source>
        <translation>у зразку без дати вилучення</translation>
    </message>
    <message>
        <source>recovered from {first} to {last}, over {count} half-years</source>
        <translation>вилучено з {first} по {last}, півріч: {count}</translation>
    </message>
    <message>
        <source>recovered, over {count} half-years</source>
        <translation>вилучено, півріч: {count}</translation>
    </message>
    <message>
        <source>other categories ({count})</source>
        <translation>інші категорії ({count})</translation>
    </message>
    <message>
        <source>Components by category</source>
        <translation>Компоненти за категорією</translation>
    </message>
    <message>
        <source>the part has no category or function</source>
        <translation>для деталі не вказано категорію чи призначення</translation>
    </message>
    <message>
        <source>The category is the identified part&apos;s (its function where it has no category).</source>
        <translation>Категорія — це категорія встановленої деталі (її призначення, якщо категорії немає).</translation>
    </message>
    <message>
        <source>tier {tier}</source>
        <translation>рівень {tier}</translation>
    </message>
    <message>
        <source>Components by tier of the Common High Priority List</source>
        <translation>Компоненти за рівнем Спільного переліку високопріоритетних товарів (CHPL)</translation>
    </message>
    <message>
        <source>Tiers are those of the parts&apos; HS codes on the CHPL of 23 February 2024; tier 1 is of the highest concern.</source>
        <translation>Рівні — це рівні кодів HS деталей у CHPL від 23 лютого 2024 року; рівень 1 — найвищого пріоритету.</translation>
    </message>
    <message>
        <source>CHPL tier 1</source>
        <translation>CHPL, рівень 1</translation>
    </message>
    <message>
        <source>CHPL tier 2</source>
        <translation>CHPL, рівень 2</translation>
    </message>
    <message>
        <source>other CHPL tiers</source>
        <translation>інші рівні CHPL</translation>
    </message>
    <message>
        <source>Components in CHPL tiers 1 and 2</source>
        <translation>Компоненти рівнів 1 і 2 CHPL</translation>
    </message>
    <message>
        <source>{count} components ({share} of those whose part has an HS code) fall in tiers 1 and 2, the items of highest concern.</source>
        <translation>Компонентів рівнів 1 і 2 (товари найвищого пріоритету): {count} ({share} від тих, для деталі яких вказано код HS).</translation>
    </message>
    <message>
        <source>identified to a part</source>
        <translation>встановлено до деталі</translation>
    </message>
    <message>
        <source>maker identified only</source>
        <translation>встановлено лише виробника</translation>
    </message>
    <message>
        <source>not identified</source>
        <translation>не встановлено</translation>
    </message>
    <message>
        <source>How far components were identified</source>
        <translation>Наскільки повно встановлено компоненти</translation>
    </message>
    <message>
        <source>Dates from date codes are production dates, not shipment dates.</source>
        <translation>Дати з кодів дати — це дати виготовлення, а не відвантаження.</translation>
    </message>
    <message>
        <source>By month of the first day of the period each date code reads.</source>
        <translation>За місяцем першого дня періоду, який означає кожен код дати.</translation>
    </message>
    <message>
        <source>By quarter of the first day of the period each date code reads.</source>
        <translation>За кварталом першого дня періоду, який означає кожен код дати.</translation>
    </message>
    <message>
        <source>By year of the first day of the period each date code reads.</source>
        <translation>За роком першого дня періоду, який означає кожен код дати.</translation>
    </message>
    <message>
        <source>By month of recovery.</source>
        <translation>За місяцем вилучення.</translation>
    </message>
    <message>
        <source>By quarter of recovery.</source>
        <translation>За кварталом вилучення.</translation>
    </message>
    <message>
        <source>By year of recovery.</source>
        <translation>За роком вилучення.</translation>
    </message>
    <message>
        <source>no date code</source>
        <translation>немає коду дати</translation>
    </message>
    <message>
        <source>ambiguous date code</source>
        <translation>неоднозначний код дати</translation>
    </message>
    <message>
        <source>unreadable date code</source>
        <translation>нерозбірливий код дати</translation>
    </message>
    <message>
        <source>{ambiguous} date codes can be read in several ways and {unreadable} in none; they are in no bar.</source>
        <translation>Кодів дати, які можна прочитати кількома способами: {ambiguous}, які не вдається прочитати: {unreadable}; їх не враховано в жодному стовпці.</translation>
    </message>
    <message>
        <source>{count} date codes could not be read; they are in no bar.</source>
        <translation>Не вдалося прочитати кодів дати: {count}; їх не враховано в жодному стовпці.</translation>
    </message>
    <message>
        <source>Production dates of the components</source>
        <translation>Дати виготовлення компонентів</translation>
    </message>
    <message>
        <source>produced after {day}</source>
        <translation>виготовлено після {day}</translation>
    </message>
    <message>
        <source>produced on or before {day}</source>
        <translation>виготовлено {day} або раніше</translation>
    </message>
    <message>
        <source>production period spans {day} (undetermined)</source>
        <translation>період виготовлення охоплює {day} (не визначено)</translation>
    </message>
    <message>
        <source>After {day}: the period the date code reads starts after that day.</source>
        <translation>Після {day}: період, який означає код дати, починається після цього дня.</translation>
    </message>
    <message>
        <source>{count} date codes read a week or month that runs across {day}: whether made before or after is undetermined.</source>
        <translation>Кодів дати, що означають тиждень або місяць, який охоплює {day}: {count}; виготовлено до чи після — не визначено.</translation>
    </message>
    <message>
        <source>Components produced after {day}</source>
        <translation>Компоненти, виготовлені після {day}</translation>
    </message>
    <message>
        <source>after {day} (the invasion)</source>
        <translation>після {day} (вторгнення)</translation>
    </message>
    <message>
        <source>after {day} (CHPL {version})</source>
        <translation>після {day} (CHPL {version})</translation>
    </message>
    <message>
        <source>{share} of {count} with a production date</source>
        <translation>{share} з {count} із датою виготовлення</translation>
    </message>
    <message>
        <source>Produced after the invasion and after each CHPL publication, by system type</source>
        <translation>Виготовлено після вторгнення та після кожної публікації CHPL, за типом системи озброєння</translation>
    </message>
    <message>
        <source>Each row&apos;s share is of that system type&apos;s findings with a production date.</source>
        <translation>Частка в кожному рядку — від виявлених компонентів цього типу системи озброєння з датою виготовлення.</translation>
    </message>
    <message>
        <source>Newest production date by system type</source>
        <translation>Найпізніша дата виготовлення за типом системи озброєння</translation>
    </message>
    <message>
        <source>The newest period a date code reads among each type&apos;s findings, and the finding it is read from.</source>
        <translation>Найпізніший період, який означає код дати серед виявлених компонентів кожного типу, і виявлений компонент, з якого його прочитано.</translation>
    </message>
    <message>
        <source>a finding</source>
        <translation>виявлений компонент</translation>
    </message>
    <message>
        <source>produced {period} · {what} in {case}, date code {code}</source>
        <translation>виготовлено {period} · {what} у {case}, код дати {code}</translation>
    </message>
    <message>
        <source>in {reading}</source>
        <translation>у період: {reading}</translation>
    </message>
    <message>
        <source>on {day}</source>
        <translation>{day}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>з {first} по {last}</translation>
    </message>
    <message>
        <source>Recovered items over time</source>
        <translation>Вилучені зразки в часі</translation>
    </message>
    <message>
        <source>no recovery date</source>
        <translation>немає дати вилучення</translation>
    </message>
    <message>
        <source>designated: {names} and {count} more</source>
        <translation>під санкціями: {names} та ще {count}</translation>
    </message>
    <message>
        <source>designated: {names}</source>
        <translation>під санкціями: {names}</translation>
    </message>
</context>
<context>
    <name>graph_drawing</name>
    <message>
        <source>Role (fill)</source>
        <translation>Роль (заливка)</translation>
    </message>
    <message>
        <source>Link status</source>
        <translation>Статус ланки</translation>
    </message>
    <message>
        <source>Sanctions and hubs</source>
        <translation>Санкції та транзитні вузли</translation>
    </message>
    <message>
        <source>designated now (red border)</source>
        <translation>чинні санкції (червона рамка)</translation>
    </message>
    <message>
        <source>formerly designated</source>
        <translation>колишні санкції</translation>
    </message>
    <message>
        <source>transshipment hub country</source>
        <translation>країна — транзитний вузол</translation>
    </message>
</context>
<context>
    <name>graph_export</name>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>{name}: choose a name ending in .png or .svg</source>
        <translation>{name}: виберіть назву із закінченням .png або .svg</translation>
    </message>
    <message>
        <source>{target} is a folder; give the name of a file</source>
        <translation>{target} — це тека; укажіть назву файлу</translation>
    </message>
    <message>
        <source>{target}: the folder {folder} does not exist</source>
        <translation>{target}: теки {folder} не існує</translation>
    </message>
    <message>
        <source>Supply links — {title}</source>
        <translation>Ланки постачання — {title}</translation>
    </message>
    <message>
        <source>Supply links</source>
        <translation>Ланки постачання</translation>
    </message>
    <message>
        <source>Organizations and supply links</source>
        <translation>Організації та ланки постачання</translation>
    </message>
</context>
<context>
    <name>graph_scene</name>
    <message>
        <source>Designated: {by}</source>
        <translation>Санкції: {by}</translation>
    </message>
    <message>
        <source>Formerly designated: {by}</source>
        <translation>Раніше санкції: {by}</translation>
    </message>
    <message>
        <source>role not recorded</source>
        <translation>роль не записано</translation>
    </message>
    <message>
        <source>S</source>
        <translation>С</translation>
    </message>
    <message>
        <source>HUB</source>
        <translation>ХАБ</translation>
    </message>
    <message>
        <source>Country: {country} — transshipment hub ({hub})</source>
        <translation>Країна: {country} — транзитний вузол ({hub})</translation>
    </message>
    <message>
        <source>Country: {country}</source>
        <translation>Країна: {country}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Designated now&lt;/b&gt; by {by}</source>
        <translation>&lt;b&gt;Під санкціями зараз&lt;/b&gt;: {by}</translation>
    </message>
    <message>
        <source>Formerly designated by {by}</source>
        <translation>Раніше під санкціями: {by}</translation>
    </message>
    <message>
        <source>Not designated by any authority recorded in the store</source>
        <translation>Не під санкціями жодного органу, записаного в сховищі</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click to open the organization&lt;/i&gt;</source>
        <translation>&lt;i&gt;Клацніть, щоб відкрити організацію&lt;/i&gt;</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source>{dates} + undated</source>
        <translation>{dates} + без дати</translation>
    </message>
    <message>
        <source>{count} parts</source>
        <translation>деталей: {count}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status}&lt;/b&gt; supply links</source>
        <translation>Ланки постачання: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status}&lt;/b&gt; supply link</source>
        <translation>Ланка постачання: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{count} pcs</source>
        <translation>{count} шт.</translation>
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
        <source>… and {count} more</source>
        <translation>… і ще {count}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click to open the link&lt;/i&gt;</source>
        <translation>&lt;i&gt;Клацніть, щоб відкрити ланку&lt;/i&gt;</translation>
    </message>
</context>
</TS>
