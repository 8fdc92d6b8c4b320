import { describe, expect, it } from 'vitest';
import { scanParts, scanText, type MessagePart } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Health stems and person cues in Amharic, Bengali, Urdu and Nepali (phi/engine/stems.ts, phi/data/health-stems.tsv):
// Amharic words read after their prefixes (የ በ ለ ከ …), a stem's last consonant with any vowel, letters pronounced
// alike folded; Bengali by the start without nukta; Urdu on the Arabic-script path (ی ک as ي ك); Nepali beside
// Hindi. Every positive (a named patient with a condition and a drug) has negatives in its language (a staff schedule,
// a closure notice, a health-education flyer, a privacy-training reminder) that the recognizers must not flag. All
// people and numbers are made up.
const mail = (subject: string, body: string): MessagePart[] => [{ where: 'subject', text: subject }, { where: 'body', text: body }];
const types = (text: string): string[] => scanText(text).findings.filter((f) => f.confidence !== 'low').map((f) => f.type);
const explained = (text: string): string => scanText(text).findings.map((f) => f.explain).join(' | ');
/** PHI for the recognizers alone, with the findings the stems raise. */
function expectPhi(parts: MessagePart[], expected: string[]): void {
  expect(recognizersFlag(parts)).toBe(true);
  expect(scanParts(parts).findings.map((f) => f.type)).toEqual(expect.arrayContaining(expected));
}
/** The recognizers' reading only (the blend with the wording model is not what these pin). */
function expectNoPhiByRecognizers(parts: MessagePart[]): void {
  expect(recognizersFlag(parts)).toBe(false);
}

describe('Amharic', () => {
  it('a daughter about her father: the name after "አቶ", diabetes behind "የ", insulin, fever and cough', () => {
    expectPhi(mail('የአባቴ መድሃኒት', 'ሰላም፣\nአባቴ አቶ ገብረመስቀል ታደሰ የስኳር በሽታ አለበት፤ በቀን ሁለት ጊዜ ኢንሱሊን ይወስዳል። ከትናንት ማታ ጀምሮ ትኩሳት አለው፣ ሳልም ጀምሮታል። ሐኪሙን ማነጋገር እንችላለን? ስልክ 555-0172\nአመሰግናለሁ\nመሰረት ገብረመስቀል'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('a patient about herself: "ስሜ … ነው", high blood pressure, metformin', () => {
    expectPhi(mail('ቀጠሮ', 'ጤና ይስጥልኝ፣\nስሜ አልማዝ ደስታ ነው። የደም ግፊት አለብኝ፣ ሜትፎርሚንም እወስዳለሁ። የሚቀጥለው ቀጠሮዬ መቼ ነው? ስልኬ 555-0126 ነው።\nአልማዝ'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('prefixes, vowel changes, letters pronounced alike, Ethiopic punctuation; reasons name the language', () => {
    expect(types('ሐኪሙ ኢንሱሊኑን ጨመረ')).toContain('MEDICATION');
    expect(types('የቲቢ ምርመራ ውጤት')).toContain('DIAGNOSIS');
    expect(types('የሠገራ ምርመራ')).toContain('LAB_RESULT');
    expect(types('የሆድ ሕመም አለባት')).toContain('DIAGNOSIS');
    expect(types('ሳል።')).toContain('DIAGNOSIS');
    expect(explained('ሐኪሙ ኢንሱሊኑን ጨመረ')).toContain('(Amharic)');
  });
  it('everyday words are no health content: sugar in coffee, "በሳል" (mature), "ጤና ይስጥልኝ" (hello)', () => {
    expect(types('ቡና በስኳር እወዳለሁ')).toEqual([]);
    expect(types('የስኳር በሽታው ጨምሯል')).toContain('DIAGNOSIS');
    expect(types('በሳል ሰው ነው')).toEqual([]);
    expect(types('ለሳል መድሃኒት')).toContain('DIAGNOSIS');
    expect(types('ጤና ይስጥልኝ')).toEqual([]);
  });
  it('cues are whole words; after "the patient" a name must be closed by punctuation', () => {
    expect(types('ወ/ሮ ትዕግስት ወርቁ የስኳር በሽታ አለባት')).toContain('PATIENT_NAME');
    expect(types('ታካሚዎቹ ነገ ትኩሳት ቢኖራቸውም ይመጣሉ')).not.toContain('PATIENT_NAME');
    expect(types('ታካሚው ነገ ወደ ሆስፒታል ይመጣል፣ ሳል አለው')).not.toContain('PATIENT_NAME');
  });
  it('negatives: a shift schedule, a closure notice, a diabetes flyer, a privacy-training reminder', () => {
    expectNoPhiByRecognizers(mail('የሐምሌ ወር የሥራ ፈረቃ', 'ሰላም ለሁላችሁ፣\nየሐምሌ ወር የነርሶች የሥራ ፈረቃ ሰንጠረዥ ተያይዟል። ፈረቃ መቀየር የምትፈልጉ እስከ ወሩ 20 ድረስ ለክፍሉ ኃላፊ አሳውቁ። የሠራተኞች ስብሰባ ማክሰኞ ከሰዓት 8:00 በስብሰባ አዳራሽ ይካሄዳል።\n\nአመሰግናለሁ\nየነርሲንግ ቢሮ'));
    expectNoPhiByRecognizers(mail('ክሊኒኩ አርብ ዝግ ነው', 'ውድ ታካሚዎቻችን፣\nበጥገና ሥራ ምክንያት ክሊኒኩ በዚህ አርብ ዝግ ይሆናል። ድንገተኛ ሁኔታ ካጋጠመዎት በአቅራቢያዎ ወደሚገኘው ሆስፒታል ድንገተኛ ክፍል ይሂዱ። ቀጠሮዎች ሰኞ እንደተለመደው ይቀጥላሉ።\n\nየክሊኒኩ አስተዳደር'));
    const flyer = 'የስኳር በሽታ ምንድን ነው?\nዓይነት 2 የስኳር በሽታ ሰውነት ኢንሱሊንን በትክክል መጠቀም የማይችልበት የረጅም ጊዜ በሽታ ነው። መደበኛ የአካል እንቅስቃሴ፣ ጤናማ አመጋገብ እና በዓመት አንድ ጊዜ የደም ምርመራ ችግሮችን ለመከላከል ይረዳሉ። ስለ ደም ግፊትና ስለ ስኳር መጠን ሐኪምዎን ይጠይቁ።\n\nየጤና ትምህርት ክፍል';
    expect(types(flyer)).toEqual(expect.arrayContaining(['DIAGNOSIS', 'MEDICATION']));
    expectNoPhiByRecognizers(mail('ስለ ስኳር በሽታ መረጃ', flyer));
    expectNoPhiByRecognizers(mail('ማስታወሻ፡ የግላዊነት ስልጠና', 'ሰላም፣\nስለ ታካሚዎች መረጃ ምስጢራዊነት (HIPAA) የሚሰጠውን ዓመታዊ ስልጠና እስከ ወሩ መጨረሻ ድረስ ማጠናቀቅ እንዳለባችሁ እናስታውሳለን። የታካሚዎችን የሕክምና መረጃ ባልተመሰጠረ ኢሜይል አትላኩ። ጥያቄ ካላችሁ የተገዢነት ቢሮን አነጋግሩ።\n\nአመሰግናለሁ\nየጥራት ክፍል'));
  });
});

describe('Bengali', () => {
  it('a son about his mother: the name after "শ্রীমতী" closed by a comma, diabetes with its ending, metformin, fever, cough', () => {
    expectPhi(mail('মায়ের ওষুধ', 'নমস্কার ডাক্তারবাবু,\nশ্রীমতী অনিমা দত্ত, বয়স ৬৮, অনেক দিন ধরে ডায়াবেটিসে ভুগছেন। তিনি রোজ সকালে মেটফরমিন ৫০০ মিগ্রা খান, কিন্তু গত সপ্তাহ থেকে জ্বর আর কাশি হচ্ছে। কবে দেখাতে পারি? আমার ফোন 555-0163।\nধন্যবাদ,\nসুব্রত দত্ত'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('a patient about herself: "আমার নাম" closed by the danda, asthma, an inhaler', () => {
    expectPhi(mail('ইনহেলার দরকার', 'আসসালামু আলাইকুম,\nআমার নাম নাসরিন সুলতানা। আমার হাঁপানি আছে, আর আমার ইনহেলার শেষ হয়ে গেছে। নতুন প্রেসক্রিপশন পাঠাতে পারবেন? ফোন 555-0119\nনাসরিন'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('য় precomposed or decomposed alike, a dose in Bengali digits; reasons name the language', () => {
    expect(types('ওর ডা\u09df\u09be\u09ac\u09c7\u099f\u09bf\u09b8 আছে')).toContain('DIAGNOSIS');
    expect(types('ওর ডা\u09af\u09bc\u09be\u09ac\u09c7\u099f\u09bf\u09b8 আছে')).toContain('DIAGNOSIS');
    expect(scanText('ইনসুলিন ১০ ইউনিট').findings.some((f) => f.type === 'MEDICATION' && f.confidence === 'high')).toBe(true);
    expect(explained('ওর জ্বর আছে')).toContain('(Bengali)');
  });
  it('cues are whole words, "my name" needs a name: "রোগীদের" (patients\') names nobody', () => {
    expect(types('রোগী শাহানা পারভীন, জ্বর ও কাশি')).toContain('PATIENT_NAME');
    expect(types('রোগীদের তালিকা, জ্বর ও কাশির রোগী')).not.toContain('PATIENT_NAME');
    expect(types('আমার নাম তালিকায় আছে, আমার জ্বর')).not.toContain('PATIENT_NAME');
  });
  it('negatives: a duty roster, a closure notice, a diabetes flyer, a privacy-training reminder', () => {
    expectNoPhiByRecognizers(mail('জুলাই মাসের ডিউটি রোস্টার', 'সবাইকে নমস্কার,\nজুলাই মাসের নার্সিং স্টাফের ডিউটি রোস্টার সংযুক্ত করা হলো। শিফট বদলের অনুরোধ ২০ তারিখের মধ্যে ওয়ার্ড ইনচার্জকে জানান। কর্মী সভা মঙ্গলবার দুপুর ২টায় কনফারেন্স রুমে হবে।\n\nধন্যবাদ,\nনার্সিং অফিস'));
    expectNoPhiByRecognizers(mail('শুক্রবার ক্লিনিক বন্ধ থাকবে', 'প্রিয় রোগীরা,\nরক্ষণাবেক্ষণের কাজের জন্য এই শুক্রবার ক্লিনিক বন্ধ থাকবে। জরুরি প্রয়োজনে নিকটবর্তী হাসপাতালের জরুরি বিভাগে যোগাযোগ করুন। সোমবার থেকে অ্যাপয়েন্টমেন্ট স্বাভাবিকভাবে চলবে।\n\nক্লিনিক ব্যবস্থাপনা'));
    const flyer = 'ডায়াবেটিস কী?\nটাইপ ২ ডায়াবেটিস একটি দীর্ঘমেয়াদি রোগ, যেখানে শরীর ইনসুলিন ঠিকমতো ব্যবহার করতে পারে না। নিয়মিত ব্যায়াম, সুষম খাবার এবং বছরে একবার রক্ত পরীক্ষা জটিলতা প্রতিরোধে সাহায্য করে। ব্লাড সুগার ও রক্তচাপ পরীক্ষার বিষয়ে আপনার ডাক্তারের সাথে কথা বলুন।\n\nস্বাস্থ্য শিক্ষা বিভাগ';
    expect(types(flyer)).toEqual(expect.arrayContaining(['DIAGNOSIS', 'MEDICATION', 'LAB_RESULT']));
    expectNoPhiByRecognizers(mail('ডায়াবেটিস সম্পর্কে তথ্য', flyer));
    expectNoPhiByRecognizers(mail('মনে করিয়ে দেওয়া: HIPAA প্রশিক্ষণ', 'নমস্কার,\nমনে করিয়ে দিচ্ছি যে রোগীদের গোপনীয়তা বিষয়ে বার্ষিক HIPAA প্রশিক্ষণ মাসের শেষের মধ্যে শেষ করতে হবে। রোগীদের চিকিৎসা সংক্রান্ত তথ্য এনক্রিপশন ছাড়া ইমেইলে পাঠাবেন না। প্রশ্ন থাকলে কমপ্লায়েন্স অফিসে যোগাযোগ করুন।\n\nধন্যবাদ,\nকমপ্লায়েন্স টিম'));
  });
});

describe('Urdu', () => {
  it('a son about his mother: her name after "میری والدہ", diabetes as "شوگر", metformin, fever and cough', () => {
    expectPhi(mail('والدہ کی دوائی', 'السلام علیکم ڈاکٹر صاحب،\nمیری والدہ زبیدہ اختر کو پچھلے پانچ سال سے شوگر ہے اور وہ روزانہ میٹفارمن 500 لیتی ہیں۔ کل رات سے انہیں تیز بخار اور کھانسی ہے۔ کیا آپ انہیں کل کلینک میں دیکھ سکتے ہیں؟ میرا نمبر 555-0158 ہے۔\nشکریہ\nفرحان اختر'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('"مسز" and a one-word name before "کو", asthma, an inhaler', () => {
    expectPhi(mail('انہیلر', 'ڈاکٹر صاحبہ،\nمسز ملک کو دمہ ہے اور ان کا انہیلر ختم ہو گیا ہے۔ براہ کرم نیا نسخہ بھیج دیں۔ رابطہ: 555-0147'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('one word before "صاحب" after any cue, before a postposition only after a title ("شوگر کے مریض", diabetes patients)', () => {
    expect(types('میرے والد رشید صاحب کو بخار ہے')).toContain('PATIENT_NAME');
    expect(types('شوگر کے مریض کھانے کے بعد دوائی لیں')).not.toContain('PATIENT_NAME');
  });
  it('ی and ک read as Arabic ي and ك; Urdu ہ stays its own, so Arabic "حاملة" (a holder) and "دمه" (his blood) are no Urdu stems; reasons name the script', () => {
    expect(types('اسے دمہ ہے اور میٹفارمن لیتی ہیں')).toEqual(expect.arrayContaining(['DIAGNOSIS', 'MEDICATION']));
    expect(types('اسے دمہ ہے اور ميٹفارمن ليتي ہيں')).toEqual(expect.arrayContaining(['DIAGNOSIS', 'MEDICATION']));
    expect(types('وہ حاملہ ہے')).toContain('DIAGNOSIS');
    expect(types('حاملة البطاقة تبرعت بدمه')).toEqual([]);
    expect(explained('اسے دمہ ہے')).toContain('(Arabic script)');
  });
  it('everyday words are no health content: heartache, transport ("حمل و نقل"), a visit ("دورہ")', () => {
    expect(types('دل کا درد اور حمل و نقل کا دورہ')).toEqual([]);
    expect(types('انہیں دل کا دورہ پڑا')).toContain('DIAGNOSIS');
  });
  it('negatives: a duty roster, a closure notice, a diabetes flyer, a privacy-training reminder', () => {
    expectNoPhiByRecognizers(mail('جولائی کا ڈیوٹی روسٹر', 'السلام علیکم،\nجولائی کے مہینے کے لیے نرسنگ اسٹاف کا ڈیوٹی روسٹر منسلک ہے۔ شفٹ تبدیل کرنے کی درخواستیں 20 تاریخ تک وارڈ انچارج کو بھیجیں۔ اسٹاف میٹنگ منگل کو دوپہر 2 بجے کانفرنس روم میں ہوگی۔\n\nشکریہ\nنرسنگ آفس'));
    expectNoPhiByRecognizers(mail('جمعہ کو کلینک بند رہے گا', 'محترم مریضو،\nمرمت کے کام کی وجہ سے کلینک اس جمعہ کو بند رہے گا۔ ہنگامی صورت میں قریبی ہسپتال کے ایمرجنسی شعبے سے رابطہ کریں۔ پیر سے ملاقاتیں معمول کے مطابق ہوں گی۔\n\nکلینک انتظامیہ'));
    const flyer = 'ذیابیطس کیا ہے؟\nٹائپ 2 ذیابیطس ایک طویل بیماری ہے جس میں جسم انسولین کو صحیح طرح استعمال نہیں کر پاتا۔ باقاعدہ ورزش، متوازن غذا اور سال میں ایک بار خون کا ٹیسٹ پیچیدگیوں سے بچاتے ہیں۔ اپنے ڈاکٹر سے بلڈ شوگر اور بلڈ پریشر کی جانچ کے بارے میں پوچھیں۔\n\nشعبہ صحت تعلیم';
    expect(types(flyer)).toEqual(expect.arrayContaining(['DIAGNOSIS', 'LAB_RESULT']));
    expectNoPhiByRecognizers(mail('شوگر کے بارے میں معلومات', flyer));
    expectNoPhiByRecognizers(mail('یاد دہانی: HIPAA تربیت', 'السلام علیکم،\nیاد دہانی کے طور پر، مریضوں کی رازداری سے متعلق سالانہ HIPAA تربیت مہینے کے آخر تک مکمل کرنا ضروری ہے۔ مریضوں کی طبی معلومات بغیر انکرپشن کے ای میل سے نہ بھیجیں۔ سوالات کے لیے کمپلائنس آفس سے رابطہ کریں۔\n\nشکریہ\nکمپلائنس ٹیم'));
  });
});

describe('Nepali', () => {
  it('a patient about herself: "मेरो नाम … हो", fever and cough, "सुगर", metformin and "सिटामोल" in Nepali spelling', () => {
    expectPhi(mail('औषधिको बारेमा', 'नमस्ते डाक्टर साहेब,\nमेरो नाम सीता राई हो। मलाई तीन दिनदेखि ज्वरो र खोकी लागेको छ, र मलाई सुगर पनि छ। म दिनहुँ मेटफर्मिन खान्छु। के म सिटामोल खान सक्छु? मेरो फोन नम्बर 555-0139 हो।\nधन्यवाद\nसीता'),
      ['PATIENT_NAME', 'DIAGNOSIS', 'MEDICATION']);
  });
  it('"मेरो नाम" closes with "हो" only; everyday "दम" (breath) and "चिनी" (sugar) are no health content', () => {
    expect(types('मेरो नाम सूचीमा छ, मलाई खोकी छ')).not.toContain('PATIENT_NAME');
    expect(types('मेरो नाम सीता राई हो, मलाई खोकी छ')).toContain('PATIENT_NAME');
    expect(types('चियामा चिनी हाल्नुहोस्, दम लगाएर काम गर')).toEqual([]);
  });
  it('negatives: a duty roster, a closure notice, a diabetes flyer, a privacy-training reminder', () => {
    expectNoPhiByRecognizers(mail('साउन महिनाको ड्युटी रोस्टर', 'सबैलाई नमस्ते,\nसाउन महिनाको नर्सिङ स्टाफको ड्युटी रोस्टर संलग्न छ। सिफ्ट परिवर्तनका लागि २० गतेभित्र वार्ड इन्चार्जलाई जानकारी दिनुहोस्। कर्मचारी बैठक मंगलबार दिउँसो २ बजे सभाकक्षमा हुनेछ।\n\nधन्यवाद,\nनर्सिङ कार्यालय'));
    expectNoPhiByRecognizers(mail('शुक्रबार क्लिनिक बन्द रहनेछ', 'प्रिय बिरामीहरू,\nमर्मतको कामले गर्दा यो शुक्रबार क्लिनिक बन्द रहनेछ। आपतकालीन अवस्थामा नजिकको अस्पतालको आकस्मिक विभागमा सम्पर्क गर्नुहोस्। सोमबारदेखि भेटघाट सामान्य रूपमा चल्नेछ।\n\nक्लिनिक व्यवस्थापन'));
    const flyer = 'मधुमेह के हो?\nटाइप २ मधुमेह लामो समयसम्म रहने रोग हो, जसमा शरीरले इन्सुलिन राम्ररी प्रयोग गर्न सक्दैन। नियमित व्यायाम, सन्तुलित खाना र वर्षमा एक पटक रगत जाँच गर्दा जटिलताबाट बच्न सकिन्छ। सुगर र प्रेसर जाँचबारे आफ्नो डाक्टरसँग सोध्नुहोस्।\n\nस्वास्थ्य शिक्षा शाखा';
    expect(types(flyer)).toEqual(expect.arrayContaining(['DIAGNOSIS', 'LAB_RESULT']));
    expectNoPhiByRecognizers(mail('मधुमेहबारे जानकारी', flyer));
    expectNoPhiByRecognizers(mail('सम्झना: HIPAA तालिम', 'नमस्ते,\nबिरामीहरूको गोपनीयतासम्बन्धी वार्षिक HIPAA तालिम यो महिनाको अन्त्यसम्म पूरा गर्नुपर्ने छ भनी सम्झाउन चाहन्छौं। बिरामीहरूको स्वास्थ्य जानकारी इन्क्रिप्सन बिना इमेलबाट नपठाउनुहोस्। प्रश्न भए कम्प्लायन्स कार्यालयमा सम्पर्क गर्नुहोस्।\n\nधन्यवाद,\nकम्प्लायन्स टोली'));
  });
});
