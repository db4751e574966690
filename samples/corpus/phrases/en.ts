import type { LangPack } from './types.ts';

// English. Synthetic phrases written for Tidewatch.
export const en: LangPack = {
  lang: 'en',
  script: 'latin',
  money: [['£{n}', 1500, 9000], ['{n} GBP', 1500, 9000], ['€{n}', 1500, 12000], ['{n} euro', 1500, 12000], ['${n}', 2000, 15000], ['{n}$', 2000, 15000], ['{n} dollars', 2000, 15000], ['£{n}k', 2, 9]],
  dest: ['UK', 'England', 'the UK', 'London', 'Italy', 'Germany', 'Greece', 'France', 'Europe', 'Britain'],
  ad: {
    open: [
      'Attention brothers and sisters', 'NEW TRIP OPEN', 'Hello everyone', 'Good news for people waiting in Calais',
      'Who wants to go {DEST}?', 'Trusted network since 2019', 'Last group of the month', 'Weather is perfect this week',
      'For serious people only', 'Your dream of {DEST} starts here', 'Salam all', 'Game is open again',
    ],
    offer: {
      boat_crossing: [
        'Boat from France to {DEST}, new engine, life jackets for everyone', 'we have dinghy trips from the beach near Dunkirk every night the sea is calm',
        'jet boat to {DEST}, 2 hours only', 'small group crossing by boat, max 40 people', 'sea trip Libya to Italy on a big fishing boat, not rubber',
        'Turkey to Greece by speedboat, captain is experienced', 'dunki by boat to {DEST}, good boat good captain', 'crossing the Channel by boat, we pick you up from the camp',
      ],
      lorry: [
        'taxi in lorry from Belgium to {DEST}', 'lorry trip with hidden place, driver is our man', 'truck from Calais, safe place inside, no scanner on this route',
        'refrigerated truck to {DEST}, we have space for 6', 'lorry game every night from the parking', 'private van to {DEST}, no checks, door to door',
        'container trip to {DEST}, driver knows the road',
      ],
      flight_documents: [
        'flight to {DEST} with original passport, your photo inside', 'VIP by plane, we give you European ID card and ticket', 'visa and ticket to {DEST}, 100% real stamp',
        'Platinum package: airport direct to London with lookalike passport', 'we make residence card and you fly from Istanbul', 'study visa for {DEST}, we arrange university letter and flight',
        'Schengen visa without interview, flight included',
      ],
      land_route: [
        'road from Turkey to Germany by car, walking only 1 hour', 'Balkan route with guide, Serbia Hungary Austria', 'game from Bosnia to Italy, car waits after the border',
        'we take you from Greece to {DEST} by road, guide the whole way', 'land route through the forest, guide with GPS, food included', 'car from Serbia to Austria, no walking in the mountains',
      ],
      job_lure: [
        'job in {DEST}, we arrange the trip and papers', 'work in UK car wash, salary £2000, travel is organised by us', 'farm work in Italy, contract and visa done by us, you pay only for the trip',
        'nail bar work in {DEST}, accommodation free, we bring you there', 'construction jobs in Europe, we handle the road', 'restaurant jobs in London, travel and papers arranged, pay back from salary',
      ],
      recruitment: [
        'we need drivers with EU licence, good money per trip', 'looking for boat pilots, you steer and you cross free plus cash', 'need helpers at the beach to load the boat, paid every night',
        'wanted: van drivers for night work France to Belgium, cash {P}', 'need people to hold the phone and guide groups, good pay', 'recruiting captains, no experience needed, we teach you the GPS',
      ],
    },
    price: [
      'price {P} per person', 'only {P}', 'cost is {P}', '{P} per head', 'price {P}, VIP {P2}', 'we take {P} all included',
      'special price this month {P}', 'normal {P}', 'payment {P}', 'boat {P}, lorry {P2}',
    ],
    extra: [
      'kids half price', 'children under 10 free', 'families get discount', 'bronze, silver and gold packages', 'discount for the one who drives the boat',
      'VIP = no walking, hotel before trip', 'gold package includes 3 tries', 'bring 5 people and you go free', 'women and children first, discount for families',
    ],
    guarantee: [
      '100% guaranteed', '100% safe', 'guarantee until you arrive', 'safe and comfortable boat', 'no police problems', 'if you fail, you try again free',
      'legally, reliable and cheap', 'many people arrived with us, see the videos', '1000% safe, ask anyone in the jungle', 'guaranteed arrival',
    ],
    pay: [
      'pay on arrival', 'no advance payment', 'money stays in the exchange office until you say OK', 'hawala accepted', 'you pay when you are in {DEST}',
      'deposit at office, released when you arrive', 'half before, half after', 'we accept cash or Western Union',
    ],
    urgency: [
      'leaving this week', 'few places left', 'last 3 places', 'trip tomorrow night if weather ok', 'book now', 'departure Friday',
      'only this month this price', 'hurry, boat is almost full', 'group closes Sunday',
    ],
    contact: [
      'WhatsApp {PHONE}', 'call or WhatsApp {PHONE}', 'contact {WA}', 'Telegram {TG}', 'DM me', 'inbox for details', 'message {HANDLE}',
      'Viber {PHONE}', 'Signal only {PHONE}', 'send message on WhatsApp, no calls', 'write to me in private', 'join channel {TG}',
    ],
    close: ['God protect everyone', 'serious people only', 'no time wasters', 'see you in {DEST}', 'share with your friends', 'trust us'],
  },
  neg: {
    news: [
      ['BREAKING:', 'Update:', '', 'Court report:'],
      ['{N} people died when a small boat sank off the French coast overnight', 'Police arrested {N} suspected smugglers who charged migrants {P} each for a place on a dinghy',
        'A lorry driver was jailed after {N} migrants were found in the back of his trailer at Dover', 'Border officers found {N} people hidden in a refrigerated truck',
        'Coastguard rescued {N} people from an overloaded boat in the Channel', 'A gang that sold fake passports and flights to the UK was dismantled, with {N} arrests'],
      ['', 'Investigators say the network advertised on social media and WhatsApp', 'The victims had paid up to {P}', 'The investigation continues', 'Read more on our website'],
    ],
    ngo_warning: [
      ['⚠️ Please read before you decide', 'Safety warning', 'From our team at the camp'],
      ['Smugglers will tell you the boat is 100% safe. It is not.', 'Boats are overloaded and life jackets sold by smugglers are often fake', 'Never get inside a refrigerated lorry: people have died from cold and lack of air',
        'If someone asks you to pay on arrival, remember they still control you on the way', 'The sea in the Channel is cold even in summer'],
      ['In emergency at sea call 112 or 999', 'Our volunteers give free legal information every Tuesday', 'Talk to us on WhatsApp {PHONE}, we do not organise trips', 'Stay safe, share this'],
    ],
    gov_campaign: [
      ['Smugglers lie.', 'Don\'t risk your life.', 'Think before you pay.'],
      ['They promise a safe boat and a job in the UK. What you get is a cheap dinghy and debt.', 'People who arrive by small boat can be returned', 'The smugglers take your money; the sea takes your life',
        'Hiding in a lorry is not a game. Drivers face prison and you face death'],
      ['#StopTheBoats', 'Learn the facts before you travel', 'Official information from the Home Office', ''],
    ],
    travel_agency: [
      ['Summer offer!', '✈️ Holidays 2026', 'Book your trip'],
      ['Return flights London to Istanbul from {PS}', 'Ferry Dover to Calais with car, {PS} return', 'Greek islands boat tour, 7 nights, {PS} per person, kids half price',
        'Umrah packages with visa support and hotel, from {P}', 'Weekend in Paris by Eurostar from {PS}'],
      ['Call our office {PHONE}', 'WhatsApp {PHONE} for booking', 'ATOL protected. Licensed travel agent', 'Limited places, book now'],
    ],
    legal_advice: [
      ['Free legal clinic', 'Asylum advice', 'Know your rights'],
      ['If you arrived in the UK and want to claim asylum, you need a solicitor. We can help for free', 'Family reunion visas are a legal way to join your family in the UK', 'Do not pay anyone who promises a visa "guaranteed". Real visas are applied for on the official website',
        'Safe and legal routes exist for some people: refugee resettlement, family reunion, study visas'],
      ['Call {PHONE} Monday to Friday', 'Message us, we reply in Arabic, Kurdish, Farsi and English', 'Our advice is free and confidential'],
    ],
    job_ad: [
      ['We are hiring', 'Jobs in Germany', 'Vacancies'],
      ['Care workers needed in Leeds, sponsorship licence holder, salary £24,000', 'Farm work in Spain, season contract, accommodation provided, you must already have the right to work', 'Hotel staff wanted in Dubai, visa by employer, no fees for candidates',
        'Warehouse operatives needed in Birmingham, night shifts, £12.60 per hour'],
      ['Apply on our website, we never ask for money', 'Send your CV to WhatsApp {PHONE}', 'Registered recruitment agency'],
    ],
    personal_story: [
      ['I want to tell my story.', 'Two years ago today.', 'Please pray for my brother.'],
      ['We paid {P} to a man in Dunkirk and the boat started to sink after one hour', 'I spent 14 hours in the back of a lorry, I thought I would die', 'My cousin left Libya on a boat and we have not heard from him for {N} days',
        'The smuggler said 100% safe. We were 60 people on a boat for 30', 'I crossed from Turkey to Greece at night, my daughter was 4 years old'],
      ['Please do not do what I did.', 'I am alive but many are not', 'If anyone has news of him please message me', 'God rest their souls'],
    ],
    sale: [
      ['For sale', 'Selling my', 'Price drop!'],
      ['rib boat 5.8m with Yamaha 115hp engine, trailer included, {P}', 'Ford Transit van 2017, 140k miles, MOT till June, {P}', 'fishing boat, needs some work, {P} ono',
        'Mercedes Actros tractor unit, full service history, {P}', 'inflatable kayak for two, used twice, {P}'],
      ['Call or WhatsApp {PHONE}', 'Collection only', 'DM me for more photos', 'No time wasters please'],
    ],
    driver_job: [
      ['Drivers wanted', 'HGV Class 1 driver needed', 'Now hiring'],
      ['Europe routes UK to Spain, 2 weeks out 1 week home, £850 per week', 'Night trunking Dover to Midlands, CPC and tacho card required', 'Van driver for parcel deliveries in London, own van not required'],
      ['Apply {PHONE}', 'Send CV to {HANDLE}', 'Full training on security checks and stowaway prevention'],
    ],
    police_appeal: [
      ['Police appeal', 'Can you help?', 'Information wanted'],
      ['We are investigating adverts offering boat crossings to the UK. If you have seen them, report them', 'Do you know who organises lorry trips from this parking area? Call us anonymously',
        'We want to identify the people behind the WhatsApp number used to sell places on boats'],
      ['Call 101 or Crimestoppers anonymously', 'Report online, you do not need to give your name', 'Every piece of information helps'],
    ],
    condemnation: [
      ['Shame on these people.', 'This makes me so angry.', 'How can anyone do this?'],
      ['Smugglers put kids on a boat for {P} and then disappear', 'These "guaranteed trip" pages are pure lies, people die because of them', 'Report every page selling boat places, don\'t just scroll',
        'They call it a game, but it is someone\'s life'],
      ['Report them!', '💔', 'Rest in peace to all who were lost', ''],
    ],
  },
  hand: {
    ad: [
      ['boat_crossing', '🚤🇬🇧 Dunkirk ➡️ UK\nGood boat, good engine, captain is Kurdish and experienced.\nPrice 2500£ per person, kids half\nMoney at the office, you say OK when you arrive 👍\nWhatsApp only +44 7700 900412'],
      ['lorry', 'lorry taxi 🚛 from Zeebrugge, 2 places only, no walking no jungle, driver is with us. pay after. DM'],
      ['flight_documents', 'VIP ✈️ Athens → London with passport (photo matched) + ticket. 9k€. Only serious, inbox.'],
      ['land_route', 'Game from Bihać tonight. Car after the border to Trieste, 2 days max. 3200 euro, pay in Istanbul office. Telegram t.me/balkan_way_22'],
      ['job_lure', 'Looking for workers for car wash in Manchester 🇬🇧 cash every week, we bring you from France, you pay us back from salary. Message me private'],
      ['recruitment', 'Need 2 guys who can drive a boat with GPS. You go free + 1000€ every trip. Serious only, DM'],
      ['boat_crossing', 'last one this month. 4 places. leaving Thursday if sea ok 🌊 £1,800 no deposit needed. message @captain.sea.uk'],
      ['flight_documents', 'Gold package: plane from Tirana to Birmingham, residence card + visa ready in 10 days. pay when you land. wa.me/447700900731'],
    ],
    neg: [
      ['news', 'Six people, including two children, died after a boat carrying around 70 migrants got into difficulty off Boulogne early this morning, French authorities said.'],
      ['ngo_warning', 'If someone offers you a "safe boat" on WhatsApp, they are lying to you. Overcrowded dinghies sink. Talk to our team at the distribution point on Thursday, it\'s free and confidential.'],
      ['travel_agency', '🌊⛵ Day trip: Dover to Calais by ferry + lunch in France. £69 adults, kids half price! Book on WhatsApp +44 7700 900188. Places going fast!'],
      ['sale', 'Selling 4.2m inflatable boat + 25hp engine, perfect for fishing on the lake. £1,450. Inbox me, no silly offers.'],
      ['driver_job', 'Class 1 drivers wanted for UK–France routes. Good pay, modern fleet. We train all drivers on trailer checks to stop people hiding in lorries. Call 01632 960 412.'],
      ['personal_story', 'My uncle paid 9000 dollars for a "VIP flight" with a fake passport. He was arrested at the airport and lost everything. Please don\'t trust these people.'],
      ['condemnation', 'Every week I see pages saying "100% guaranteed UK" and every week we read about boats sinking. Report these accounts, they are selling death.'],
      ['police_appeal', 'We are appealing for information about a white van seen near Gravelines beach on the night of 12 October. Anyone with information please contact us, quoting reference 4410.'],
      ['legal_advice', 'Can I bring my wife to the UK legally? Yes, if you have refugee status you can apply for family reunion. It is free to apply. Ask me any questions in the comments.'],
      ['job_ad', 'Seasonal fruit pickers needed in Kent 🍓 You must have a valid visa or right to work. Accommodation on farm £60/week. We never charge recruitment fees.'],
    ],
    obf: [
      ['boat_crossing', 'b0at to UK 🇬🇧 this w33k. gu4r4nt33d. pr1ce 2 5 0 0 £. wh4tsapp +44 7700 900 2 1 9'],
      ['lorry', 'T-R-U-C-K 🚛 from Calais tonight, p a y  a f t e r, contact me on t e l e g r a m'],
      ['flight_documents', '✈️ + 🛂 = 🇬🇧 . 8.5k €. inb0x'],
    ],
  },
  keys: ['boat', 'guaranteed', 'lorry', 'truck', 'passport', 'visa', 'safe', 'price', 'WhatsApp', 'Telegram', 'trip', 'UK', 'crossing', 'driver', 'captain'],
  swap: [['boat', '🚤'], ['lorry', '🚛'], ['truck', '🚛'], ['flight', '✈️'], ['plane', '✈️'], ['UK', '🇬🇧'], ['Italy', '🇮🇹'], ['Greece', '🇬🇷'], ['France', '🇫🇷'], ['passport', '🛂'], ['sea', '🌊'], ['euro', '💶']],
};
