/**
 * Throughput check for analyse(): the pipeline budget is ≥20,000 posts/s per core in total, so
 * analyse() must stay well under 30 µs for a typical 300-character post. Run: npx tsx detector/heuristics/bench.ts
 */
import { analyse } from './analyse.ts';

const TEMPLATES = [
  'Safe b0at to UK 🚤🇬🇧 this week!!! Price {n}€, kids half price. 100% guaranteed, call +44 7911 {n}23 or WhatsApp wa.me/44791112{n}. Serious people only. Departure from Calais tonight, few places left, pay on arrival.',
  'Police arrested {n} suspected smugglers in Dunkirk after a dinghy capsized in the Channel; the NCA said the gang charged migrants thousands of pounds for the crossing to England. Anyone with information should contact police.',
  'رحلة مضمونة بالقارب الى ايطاليا من ليبيا، السعر {n} يورو للشخص، الاطفال نص السعر، الدفع عند الوصول، للتواصل واتساب ٠٧٧٠١٢٣٤{n} الجادين فقط',
  'گەرەنتی ١٠٠٪ بە بەلەم بۆ بەریتانیا لە کالە، نرخ {n} یۆرۆ، پەیوەندی بکەن واتساپ، ئەم هەفتەیە ڕۆیشتن هەیە، تەنها کەسانی جدی',
  'Đi Anh an toàn bằng xe container, bao đậu, trọn gói {n} triệu, đến nơi mới trả tiền, liên hệ zalo 09123{n}. Tuyển lao động xuất khẩu đi châu Âu lương cao, hồ sơ nhanh.',
];

const N = 5000;
const posts: string[] = [];
for (let i = 0; i < N; i++) posts.push(TEMPLATES[i % TEMPLATES.length]!.replaceAll('{n}', String(1000 + i)));
const langs = ['en', 'en', 'ar', 'ckb', 'vi'];

for (const withLang of [true, false]) {
  for (let i = 0; i < 2000; i++) analyse(posts[i]!, withLang ? langs[i % 5] : undefined); // warm-up
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) analyse(posts[i]!, withLang ? langs[i % 5] : undefined);
    best = Math.min(best, performance.now() - t0);
  }
  const avgLen = posts.reduce((a, p) => a + p.length, 0) / N;
  console.log(
    `analyse() ${withLang ? 'with lang given' : 'with language ID'}: ${Math.round((N / best) * 1000)} posts/s, ` +
      `${((best * 1000) / N).toFixed(1)} µs/post (avg ${Math.round(avgLen)} chars, ${N} posts)`,
  );
}
