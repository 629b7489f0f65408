(function () {
  'use strict';
  // The web app's own words in Kazakh, Russian and English (the reports carry their own, in the language of each
  // text). The language: ?lang= in the address (then remembered), else the one chosen before on this browser, else
  // the browser's first of kk, ru, en, else English. Elements name their words with data-i18n (text),
  // data-i18n-title, data-i18n-placeholder and data-i18n-label (aria-label); scripts ask t(key, values...) and
  // count(key, n) (the plural form of the language: 1 акт, 3 акта, 5 актов).
  var TEXT = {
    en: {
      language: 'Language of the page',
      rulesTitle: 'Adaldyq Risk — the rules in force',
      rulesLink: 'Rules',
      rulesHint: 'For rule authors: the author folders the server watches (serve --rules DIR, --procurement-rules DIR), the rules in force, and the last reload with its problems as file:line:column. The page follows the server: a saved change shows here within seconds.',
      regulationPack: 'Draft laws (regulation pack)',
      procurementPack: 'Procurement (procurement pack)',
      foldersWatched: 'Author folders watched:',
      noFolders: 'No author folder: the built-in rules as built.',
      inForce: 'In force: {0}',
      noReload: 'Not reloaded since the start.',
      reloadApplied: 'Reloaded at {0}',
      reloadFailed: 'Not reloaded at {0}: {1} problem(s); the previous rules keep serving',
      tryTitle: 'Try a text on the rules in force',
      tryText: 'Text',
      tryGo: 'Scan it',
      tryHint: 'Each finding with the rule that made it (its id), the quote and the trigger words.',
      tryFound: '{0} finding(s) in {1} provision(s), language {2}',
      factorColumn: 'Factor',
      ruleColumn: 'Rule',
      quoteColumn: 'Quote',
      triggersColumn: 'Trigger words',
      catalogueTitle: 'The factors a rule may report',
      codeColumn: 'Code',
      titleColumn: 'Title',
      severityColumn: 'Severity',
      tendersTitle: 'Adaldyq Risk — red flags in tenders (OCDS)',
      tendersLink: 'Check tenders (OCDS)',
      ocdsFile: 'OCDS file',
      resultDashboard: 'dashboard',
      resultJsonl: 'JSON lines (tenders report)',
      reportLanguage: 'Language of the report',
      check: 'Check',
      checking: 'Checking…',
      noProcesses: 'No contracting process was read: {0}',
      noOcds: 'the file holds no OCDS',
      tendersHint: 'OCDS compiled releases or records: one per line, a package or an array, gzipped or not. Red flags per '
        + 'contracting process (Cardinal\'s and beyond) with their evidence and scores, then buyers and suppliers by risk; the '
        + 'file is read in memory and not kept.',
      scanTitle: 'Adaldyq Risk — scan a draft',
      scanHeading: 'Adaldyq Risk — corruption-risk review of a draft',
      documents: 'Documents',
      result: 'Result',
      resultHtml: 'annotated page',
      resultDocx: 'DOCX with comments',
      resultConclusion: 'draft conclusion (DOCX)',
      resultJson: 'JSON',
      findings: 'Findings',
      findingsTitle: 'How often findings of a factor were right on labelled provisions of acts the rules were not written on',
      findingsAll: 'all',
      confidenceAtLeast: 'confidence {0} or more',
      review: 'Expert\'s review (optional)',
      reviewTitle: 'The JSON lines saved from an annotated page (Save the review) or written by scan --format review, or the draft with the scanner\'s comments as the expert left them in Word (.docx)',
      reviewLabel: 'Expert\'s review (JSON lines, or the commented draft from Word)',
      pair: 'the two files are the official versions of one act (Kazakh and Russian): scan them together',
      diff: 'the two files are two versions of one draft, the earlier first: compare them',
      scan: 'Scan',
      scanHint: 'DOCX, PDF, HTML, ODT, RTF, TXT, Markdown or USLM XML; the files are scanned in memory and not kept. '
        + 'With an expert\'s review, a text (or the two official versions) comes back as reviewed, a review of the earlier '
        + 'version going on to it, and of two versions of one draft the earlier is compared as reviewed.',
      searchLink: 'Search the body of law',
      scanning: 'Scanning…',
      reportFor: 'Report for {0}',
      download: 'Download {0}',
      conclusionWithReview: 'Draft conclusion with this review (DOCX)',
      writing: 'Writing…',
      wordReviewUnread: 'The review in Word could not be read: {0}',
      twoFiles: 'Two files',
      ocdsNotDraft: 'JSON is not a draft law: OCDS procurement data is checked on its own page.',
      chooseOne: 'Choose one: the official versions of one act, or two versions of one draft.',
      twoVersions: 'Two versions of one draft',
      chooseTwoVersions: 'Choose exactly two files: the earlier version of the draft first, then the later one.',
      comparisonFormats: 'A comparison comes as the annotated page or as JSON, not as DOCX.',
      twoOfficial: 'Two official versions',
      chooseTwoOfficial: 'Choose exactly two files: the two official versions of one act.',
      searchTitle: 'Adaldyq Risk — search the body of law',
      scanLink: 'Scan a draft',
      queryPlaceholder: 'words, "a phrase", prefix*, AND / OR / NOT; *:* for all',
      query: 'Query',
      searchLanguage: 'Language',
      allLanguages: 'all',
      order: 'Order',
      relevance: 'relevance',
      riskScore: 'risk score',
      minScore: 'Risk score',
      anyScore: 'any',
      scoreAtLeast: '{0} or more',
      confirmed: 'confirmed by the expert',
      confirmedTitle: 'Only provisions with a factor the expert\'s review confirmed or added (index --review)',
      exact: 'exact words',
      exactTitle: 'The words as written, not their other forms',
      search: 'Search',
      searchHint: 'A word finds its other forms in its language (Kazakh and Russian endings included); facets narrow to a factor, an act or a language.',
      leadIn: ' (lead-in)',
      refersTo: 'refers to: {0}',
      notIndexed: '(not indexed)',
      similar: 'Similar provisions',
      looking: 'Looking…',
      otherVersion: 'Other official version: {0}',
      otherVersionNone: 'Other official version: not indexed',
      formulaUse: '{0} «{1}»: in {2} ({3})',
      otherActs: {one: '{0} other act', other: '{0} other acts'},
      provisionsCount: {one: '{0} provision', other: '{0} provisions'},
      noSimilar: 'no similar provision',
      twin: '[twin] ',
      facetFactor: 'Factor',
      facetAct: 'Act',
      facetLanguage: 'Language',
      matches: {one: '{0} provision matches', other: '{0} provisions match'},
      firstShown: ' (the first {0} shown)',
      showMore: 'Show more',
      downloadCsv: 'Download all as CSV',
      searching: 'Searching…',
      bodyOfLaw: 'The body of law',
      actsSummary: 'The body of law: {0}, {1} with an expert\'s review',
      actsCount: {one: '{0} act', other: '{0} acts'},
      actColumn: 'Act',
      languageColumn: 'Language',
      provisionsColumn: 'Provisions',
      findingsColumn: 'Findings',
      scoreColumn: 'Risk score',
      reviewColumn: 'Expert\'s review',
      reviewed: 'reviewed',
      searchInIt: 'Search in it',
      showAllActs: 'Show all {0} acts',
      confirmedDecision: 'confirmed',
      addedDecision: 'added'
    },
    ru: {
      language: 'Язык страницы',
      rulesTitle: 'Adaldyq Risk — действующие правила',
      rulesLink: 'Правила',
      rulesHint: 'Для авторов правил: папки авторов, за которыми следит сервер (serve --rules ПАПКА, --procurement-rules ПАПКА), действующие правила и последняя перезагрузка с ошибками в виде файл:строка:столбец. Страница следит за сервером: сохранённое изменение появляется здесь через несколько секунд.',
      regulationPack: 'Проекты НПА (пакет regulation)',
      procurementPack: 'Закупки (пакет procurement)',
      foldersWatched: 'Папки авторов под наблюдением:',
      noFolders: 'Папок авторов нет: встроенные правила как есть.',
      inForce: 'Действуют: {0}',
      noReload: 'С момента запуска не перезагружались.',
      reloadApplied: 'Перезагружены в {0}',
      reloadFailed: 'Не перезагружены в {0}: ошибок {1}; действуют прежние правила',
      tryTitle: 'Проверить текст действующими правилами',
      tryText: 'Текст',
      tryGo: 'Проверить',
      tryHint: 'Каждый выявленный фактор с правилом, которое его выявило (его id), цитатой и словами-маркерами.',
      tryFound: 'Выявлено факторов: {0}; положений: {1}; язык {2}',
      factorColumn: 'Фактор',
      ruleColumn: 'Правило',
      quoteColumn: 'Цитата',
      triggersColumn: 'Слова-маркеры',
      catalogueTitle: 'Факторы, о которых может сообщать правило',
      codeColumn: 'Код',
      titleColumn: 'Название',
      severityColumn: 'Опасность',
      tendersTitle: 'Adaldyq Risk — красные флаги в закупках (OCDS)',
      tendersLink: 'Проверить закупки (OCDS)',
      ocdsFile: 'Файл OCDS',
      resultDashboard: 'сводная панель',
      resultJsonl: 'строки JSON (отчёт по закупкам)',
      reportLanguage: 'Язык отчёта',
      check: 'Проверить',
      checking: 'Проверяется…',
      noProcesses: 'Не прочитано ни одной закупки: {0}',
      noOcds: 'в файле нет данных OCDS',
      tendersHint: 'Сводные релизы или записи OCDS: по одному в строке, пакет или массив, сжатые gzip или нет. Красные флаги '
        + 'по каждой закупке (индикаторы Cardinal и другие) с доказательствами и оценками, затем заказчики и поставщики по '
        + 'степени риска; файл читается в памяти и не сохраняется.',
      scanTitle: 'Adaldyq Risk — проверка проекта',
      scanHeading: 'Adaldyq Risk — антикоррупционная проверка проекта',
      documents: 'Документы',
      result: 'Результат',
      resultHtml: 'страница с разметкой',
      resultDocx: 'DOCX с примечаниями',
      resultConclusion: 'проект заключения (DOCX)',
      resultJson: 'JSON',
      findings: 'Выявленные факторы',
      findingsTitle: 'Как часто факторы этого вида были верны на размеченных положениях актов, на которых правила не составлялись',
      findingsAll: 'все',
      confidenceAtLeast: 'достоверность от {0}',
      review: 'Проверка эксперта (необязательно)',
      reviewTitle: 'Строки JSON, сохранённые со страницы с разметкой («Сохранить проверку») или записанные командой scan --format review, либо проект с примечаниями, как эксперт оставил их в Word (.docx)',
      reviewLabel: 'Проверка эксперта (строки JSON или проект с примечаниями из Word)',
      pair: 'два файла — официальные версии одного акта (на казахском и русском): проверить вместе',
      diff: 'два файла — две редакции одного проекта, сначала прежняя: сравнить',
      scan: 'Проверить',
      scanHint: 'DOCX, PDF, HTML, ODT, RTF, TXT, Markdown или USLM XML; файлы проверяются в памяти и не сохраняются. '
        + 'С проверкой эксперта текст (или обе официальные версии) возвращается с решениями эксперта, проверка прежней '
        + 'редакции переносится на новую, а из двух редакций проекта прежняя сравнивается с учётом проверки.',
      searchLink: 'Поиск по законодательству',
      scanning: 'Проверяется…',
      reportFor: 'Отчёт: {0}',
      download: 'Скачать {0}',
      conclusionWithReview: 'Проект заключения с этой проверкой (DOCX)',
      writing: 'Составляется…',
      wordReviewUnread: 'Не удалось прочитать проверку в Word: {0}',
      twoFiles: 'Два файла',
      ocdsNotDraft: 'JSON — не проект акта: данные закупок OCDS проверяются на своей странице.',
      chooseOne: 'Выберите одно: официальные версии одного акта или две редакции одного проекта.',
      twoVersions: 'Две редакции одного проекта',
      chooseTwoVersions: 'Выберите ровно два файла: сначала прежнюю редакцию проекта, затем новую.',
      comparisonFormats: 'Сравнение выдаётся страницей с разметкой или в JSON, не в DOCX.',
      twoOfficial: 'Две официальные версии',
      chooseTwoOfficial: 'Выберите ровно два файла: две официальные версии одного акта.',
      searchTitle: 'Adaldyq Risk — поиск по законодательству',
      scanLink: 'Проверить проект',
      queryPlaceholder: 'слова, "фраза", начало*, AND / OR / NOT; *:* — всё',
      query: 'Запрос',
      searchLanguage: 'Язык',
      allLanguages: 'все',
      order: 'Порядок',
      relevance: 'по соответствию',
      riskScore: 'по оценке риска',
      minScore: 'Оценка риска',
      anyScore: 'любая',
      scoreAtLeast: 'от {0}',
      confirmed: 'подтверждено экспертом',
      confirmedTitle: 'Только положения с фактором, который эксперт подтвердил или добавил (index --review)',
      exact: 'точные слова',
      exactTitle: 'Слова так, как написаны, без других форм',
      search: 'Найти',
      searchHint: 'Слово находит свои формы в своём языке (с казахскими и русскими окончаниями); фильтры справа сужают поиск до фактора, акта или языка.',
      leadIn: ' (вводная часть)',
      refersTo: 'ссылается на: {0}',
      notIndexed: '(нет в индексе)',
      similar: 'Похожие положения',
      looking: 'Поиск…',
      otherVersion: 'Другая официальная версия: {0}',
      otherVersionNone: 'Другая официальная версия: нет в индексе',
      formulaUse: '{0} «{1}»: в {2} ({3})',
      otherActs: {one: '{0} другом акте', few: '{0} других актах', many: '{0} других актах', other: '{0} других актах'},
      provisionsCount: {one: '{0} положение', few: '{0} положения', many: '{0} положений', other: '{0} положения'},
      noSimilar: 'похожих положений нет',
      twin: '[версия] ',
      facetFactor: 'Фактор',
      facetAct: 'Акт',
      facetLanguage: 'Язык',
      matches: {one: 'Найдено {0} положение', few: 'Найдено {0} положения', many: 'Найдено {0} положений', other: 'Найдено {0} положения'},
      firstShown: ' (показаны первые {0})',
      showMore: 'Показать ещё',
      downloadCsv: 'Скачать всё в CSV',
      searching: 'Поиск…',
      bodyOfLaw: 'Законодательство',
      actsSummary: 'Законодательство: {0}, с проверкой эксперта — {1}',
      actsCount: {one: '{0} акт', few: '{0} акта', many: '{0} актов', other: '{0} акта'},
      actColumn: 'Акт',
      languageColumn: 'Язык',
      provisionsColumn: 'Положения',
      findingsColumn: 'Факторы',
      scoreColumn: 'Оценка риска',
      reviewColumn: 'Проверка эксперта',
      reviewed: 'проверен',
      searchInIt: 'Искать в нём',
      showAllActs: 'Показать все акты ({0})',
      confirmedDecision: 'подтверждён',
      addedDecision: 'добавлен экспертом'
    },
    kk: {
      language: 'Беттің тілі',
      rulesTitle: 'Adaldyq Risk — қолданыстағы ережелер',
      rulesLink: 'Ережелер',
      rulesHint: 'Ереже авторларына: сервер қадағалайтын автор қалталары (serve --rules ҚАЛТА, --procurement-rules ҚАЛТА), қолданыстағы ережелер және файл:жол:баған түріндегі қателерімен соңғы қайта жүктеу. Бет серверді қадағалайды: сақталған өзгеріс бірнеше секундта осында көрінеді.',
      regulationPack: 'НҚА жобалары (regulation пакеті)',
      procurementPack: 'Сатып алулар (procurement пакеті)',
      foldersWatched: 'Қадағаланатын автор қалталары:',
      noFolders: 'Автор қалтасы жоқ: кірістірілген ережелер өзгеріссіз.',
      inForce: 'Қолданыста: {0}',
      noReload: 'Іске қосылғаннан бері қайта жүктелмеді.',
      reloadApplied: '{0} қайта жүктелді',
      reloadFailed: '{0} қайта жүктелмеді: қателер саны {1}; бұрынғы ережелер қолданыста',
      tryTitle: 'Мәтінді қолданыстағы ережелермен тексеру',
      tryText: 'Мәтін',
      tryGo: 'Тексеру',
      tryHint: 'Әр анықталған фактор оны анықтаған ережемен (оның id), дәйексөзбен және белгі сөздермен.',
      tryFound: 'Анықталған факторлар: {0}; ережелер: {1}; тіл {2}',
      factorColumn: 'Фактор',
      ruleColumn: 'Ереже',
      quoteColumn: 'Дәйексөз',
      triggersColumn: 'Белгі сөздер',
      catalogueTitle: 'Ереже хабарлай алатын факторлар',
      codeColumn: 'Код',
      titleColumn: 'Атауы',
      severityColumn: 'Қауіптілік',
      tendersTitle: 'Adaldyq Risk — сатып алудағы қызыл жалаушалар (OCDS)',
      tendersLink: 'Сатып алуларды тексеру (OCDS)',
      ocdsFile: 'OCDS файлы',
      resultDashboard: 'жиынтық панель',
      resultJsonl: 'JSON жолдары (сатып алулар есебі)',
      reportLanguage: 'Есептің тілі',
      check: 'Тексеру',
      checking: 'Тексерілуде…',
      noProcesses: 'Бірде-бір сатып алу оқылмады: {0}',
      noOcds: 'файлда OCDS деректері жоқ',
      tendersHint: 'OCDS жиынтық релиздері немесе жазбалары: әр жолда біреуден, пакет немесе массив, gzip-пен сығылған не '
        + 'сығылмаған. Әр сатып алу бойынша қызыл жалаушалар (Cardinal индикаторлары және басқалары) дәлелдері мен '
        + 'бағаларымен, содан кейін тапсырыс берушілер мен өнім берушілер тәуекел деңгейі бойынша; файл жадта оқылады және сақталмайды.',
      scanTitle: 'Adaldyq Risk — жобаны тексеру',
      scanHeading: 'Adaldyq Risk — жобаны сыбайлас жемқорлық тәуекелдеріне тексеру',
      documents: 'Құжаттар',
      result: 'Нәтиже',
      resultHtml: 'түсіндірмелері бар бет',
      resultDocx: 'ескертпелері бар DOCX',
      resultConclusion: 'қорытынды жобасы (DOCX)',
      resultJson: 'JSON',
      findings: 'Анықталған факторлар',
      findingsTitle: 'Осы түрдегі факторлар ережелер жазылмаған актілердің белгіленген ережелерінде қаншалықты жиі дұрыс болды',
      findingsAll: 'барлығы',
      confidenceAtLeast: 'сенімділігі {0} және одан жоғары',
      review: 'Сарапшының тексеруі (міндетті емес)',
      reviewTitle: 'Түсіндірмелері бар беттен сақталған («Тексеруді сақтау») немесе scan --format review командасы жазған JSON жолдары, не сарапшы Word-та қалдырған ескертпелері бар жоба (.docx)',
      reviewLabel: 'Сарапшының тексеруі (JSON жолдары, не Word-тағы ескертпелері бар жоба)',
      pair: 'екі файл — бір актінің ресми нұсқалары (қазақша және орысша): бірге тексеру',
      diff: 'екі файл — бір жобаның екі редакциясы, алдымен бұрынғысы: салыстыру',
      scan: 'Тексеру',
      scanHint: 'DOCX, PDF, HTML, ODT, RTF, TXT, Markdown немесе USLM XML; файлдар жадта тексеріледі және сақталмайды. '
        + 'Сарапшының тексеруімен мәтін (не екі ресми нұсқа) сарапшының шешімдерімен қайтарылады, бұрынғы редакцияның '
        + 'тексеруі жаңасына көшіріледі, ал жобаның екі редакциясының бұрынғысы тексерумен бірге салыстырылады.',
      searchLink: 'Заңнама бойынша іздеу',
      scanning: 'Тексерілуде…',
      reportFor: 'Есеп: {0}',
      download: '{0} жүктеп алу',
      conclusionWithReview: 'Осы тексерумен қорытынды жобасы (DOCX)',
      writing: 'Жасалуда…',
      wordReviewUnread: 'Word-тағы тексеруді оқу мүмкін болмады: {0}',
      twoFiles: 'Екі файл',
      ocdsNotDraft: 'JSON — акт жобасы емес: OCDS сатып алу деректері өз бетінде тексеріледі.',
      chooseOne: 'Біреуін таңдаңыз: бір актінің ресми нұсқалары, не бір жобаның екі редакциясы.',
      twoVersions: 'Бір жобаның екі редакциясы',
      chooseTwoVersions: 'Дәл екі файл таңдаңыз: алдымен жобаның бұрынғы редакциясы, содан кейін жаңасы.',
      comparisonFormats: 'Салыстыру түсіндірмелері бар бет немесе JSON түрінде беріледі, DOCX түрінде емес.',
      twoOfficial: 'Екі ресми нұсқа',
      chooseTwoOfficial: 'Дәл екі файл таңдаңыз: бір актінің екі ресми нұсқасы.',
      searchTitle: 'Adaldyq Risk — заңнама бойынша іздеу',
      scanLink: 'Жобаны тексеру',
      queryPlaceholder: 'сөздер, "тіркес", басы*, AND / OR / NOT; *:* — барлығы',
      query: 'Сұрау',
      searchLanguage: 'Тіл',
      allLanguages: 'барлығы',
      order: 'Реті',
      relevance: 'сәйкестігі бойынша',
      riskScore: 'тәуекел бағасы бойынша',
      minScore: 'Тәуекел бағасы',
      anyScore: 'кез келген',
      scoreAtLeast: '{0} және одан жоғары',
      confirmed: 'сарапшы растаған',
      confirmedTitle: 'Сарапшы растаған не қосқан факторы бар ережелер ғана (index --review)',
      exact: 'сөздер жазылғандай',
      exactTitle: 'Сөздер жазылғандай, басқа түрлерінсіз',
      search: 'Іздеу',
      searchHint: 'Сөз өз тіліндегі басқа түрлерін табады (қазақ және орыс жалғаулары ескеріледі); оң жақтағы сүзгілер іздеуді фактормен, актімен не тілмен тарылтады.',
      leadIn: ' (кіріспе бөлігі)',
      refersTo: 'сілтеме: {0}',
      notIndexed: '(индексте жоқ)',
      similar: 'Ұқсас ережелер',
      looking: 'Ізделуде…',
      otherVersion: 'Басқа ресми нұсқасы: {0}',
      otherVersionNone: 'Басқа ресми нұсқасы: индексте жоқ',
      formulaUse: '{0} «{1}»: {2} ({3})',
      otherActs: {other: 'басқа {0} актіде'},
      provisionsCount: {other: '{0} ереже'},
      noSimilar: 'ұқсас ереже жоқ',
      twin: '[нұсқа] ',
      facetFactor: 'Фактор',
      facetAct: 'Акт',
      facetLanguage: 'Тіл',
      matches: {other: '{0} ереже табылды'},
      firstShown: ' (алғашқы {0} көрсетілген)',
      showMore: 'Тағы көрсету',
      downloadCsv: 'Барлығын CSV түрінде жүктеп алу',
      searching: 'Ізделуде…',
      bodyOfLaw: 'Заңнама',
      actsSummary: 'Заңнама: {0}, сарапшы тексергені — {1}',
      actsCount: {other: '{0} акт'},
      actColumn: 'Акт',
      languageColumn: 'Тіл',
      provisionsColumn: 'Ережелер',
      findingsColumn: 'Факторлар',
      scoreColumn: 'Тәуекел бағасы',
      reviewColumn: 'Сарапшының тексеруі',
      reviewed: 'тексерілген',
      searchInIt: 'Осы актіден іздеу',
      showAllActs: 'Барлық актілерді көрсету ({0})',
      confirmedDecision: 'расталды',
      addedDecision: 'сарапшы қосты'
    }
  };
  var KEY = 'adaldyq-lang';
  var NAMES = {kk: 'Қазақша', ru: 'Русский', en: 'English'};

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(lang) {
    try { window.localStorage.setItem(KEY, lang); } catch (e) { /* a browser that keeps nothing: this page only */ }
  }
  function chosen() {
    var asked = new URLSearchParams(window.location.search).get('lang');
    if (asked && TEXT[asked]) { store(asked); return asked; }
    var saved = stored();
    if (saved && TEXT[saved]) { return saved; }
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (var i = 0; i < wanted.length; i++) {
      var l = String(wanted[i]).slice(0, 2).toLowerCase();
      if (TEXT[l]) { return l; }
    }
    return 'en';
  }
  var lang = chosen();

  function fill(text, values) {
    return String(text).replace(/\{(\d+)\}/g, function (all, i) { return values[+i] === undefined ? all : String(values[+i]); });
  }
  // the words of key in the page's language (English where a language lacks them), {0}, {1}… filled with values
  function t(key) {
    var text = TEXT[lang][key] !== undefined ? TEXT[lang][key] : TEXT.en[key] !== undefined ? TEXT.en[key] : key;
    return fill(typeof text === 'string' ? text : text.other, Array.prototype.slice.call(arguments, 1));
  }
  // the words of key for the number n ({0}; {1}… further values), in the plural form the language gives n
  var plurals = new Intl.PluralRules(lang);
  function count(key, n) {
    var forms = TEXT[lang][key] || TEXT.en[key];
    var form = forms[plurals.select(n)] || forms.other;
    return fill(form, Array.prototype.slice.call(arguments, 1));
  }
  function apply(root) {
    root.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    [['data-i18n-title', 'title'], ['data-i18n-placeholder', 'placeholder'], ['data-i18n-label', 'aria-label']].forEach(function (p) {
      root.querySelectorAll('[' + p[0] + ']').forEach(function (e) { e.setAttribute(p[1], t(e.getAttribute(p[0]))); });
    });
    root.querySelectorAll('[data-i18n-value]').forEach(function (e) {
      e.textContent = t(e.getAttribute('data-i18n-value'), e.getAttribute('data-value-arg'));
    });
  }

  document.documentElement.lang = lang;
  apply(document);
  var title = document.querySelector('title[data-i18n]');
  if (title) { document.title = t(title.getAttribute('data-i18n')); }
  // the language switch in the header: the page again in the language chosen (remembered)
  var nav = document.querySelector('header nav');
  if (nav) {
    var select = document.createElement('select');
    select.id = 'ui-lang';
    select.setAttribute('aria-label', t('language'));
    Object.keys(NAMES).forEach(function (code) {
      var o = document.createElement('option');
      o.value = code;
      o.textContent = NAMES[code];
      o.selected = code === lang;
      select.appendChild(o);
    });
    select.addEventListener('change', function () {
      store(select.value);
      var url = new URL(window.location.href);
      url.searchParams.delete('lang');
      window.location.replace(url.toString());
    });
    nav.appendChild(select);
  }
  window.adaldyqText = {lang: lang, t: t, count: count};
})();
