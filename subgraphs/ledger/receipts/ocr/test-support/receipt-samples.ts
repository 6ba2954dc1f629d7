/**
 * Generated receipt photos with known truth, for the accuracy test and the benchmark: text receipts
 * drawn as SVG and rendered by sharp in the fonts fontconfig has here, at varied sizes, turned a
 * little, blurred, speckled and saved as JPEG at varied quality, PNG or WebP. Seeded, so every run
 * measures the same set.
 */
import sharp from "sharp";

export interface ReceiptTruth {
  merchant: string;
  /** YYYY-MM-DD. */
  date: string;
  total: string;
  tax: string | null;
  currency: string;
  items: { description: string; amount: string }[];
}

export interface ReceiptSample {
  name: string;
  file: Buffer;
  contentType: string;
  truth: ReceiptTruth;
}

const FONTS = ["DejaVu Sans Mono", "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Condensed", "DejaVu Serif Condensed"];
const MERCHANTS = [
  "Blue Fern Cafe",
  "Corner Grocery",
  "Harbor Hardware",
  "Sunrise Bakery",
  "Maple Street Deli",
  "City Pharmacy",
  "Golden Dragon",
  "Green Valley Market",
  "Bookworm Books",
  "Pizza Piazza",
  "Northside Fuel",
  "Lakeside Diner",
];
const ITEMS = [
  "Latte",
  "Espresso",
  "Croissant",
  "Bagel",
  "Milk 1L",
  "Bread",
  "Eggs 12pk",
  "Bananas",
  "Hammer",
  "Screws",
  "Paint Brush",
  "Vitamins",
  "Toothpaste",
  "Fried Rice",
  "Spring Rolls",
  "Novel",
  "Notebook",
  "Margherita",
  "Soda",
  "Pancakes",
  "Coffee",
  "Orange Juice",
];
const STREETS = ["12 Main St", "48 Oak Avenue", "301 Harbor Rd", "7 Station Road", "95 Elm Street"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** mulberry32: a small seeded generator, so the set is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const major = (cents: number) => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;

interface Style {
  currency: "USD" | "EUR" | "GBP";
  comma: boolean;
}

function printed(cents: number, style: Style, symbol: boolean): string {
  const text = style.comma ? major(cents).replace(".", ",") : major(cents);
  if (!symbol) return text;
  return style.currency === "USD" ? `$${text}` : style.currency === "GBP" ? `£${text}` : `${text} €`;
}

function printedDate(y: number, m: number, d: number, style: Style, layout: number): string {
  if (style.currency === "EUR") return layout % 2 === 0 ? `${pad(d)}.${pad(m)}.${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
  if (style.currency === "GBP") return layout % 2 === 0 ? `${pad(d)}/${pad(m)}/${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
  return [`${pad(m)}/${pad(d)}/${y}`, `${MONTHS[m - 1]} ${d}, ${y}`, `${y}-${pad(m)}-${pad(d)}`][layout % 3]!;
}

type Row = { left: string; right?: string; center?: boolean; bold?: boolean };

function receiptRows(index: number, rnd: () => number): { rows: Row[]; truth: ReceiptTruth } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const currency = (["USD", "USD", "EUR", "GBP"] as const)[index % 4]!;
  const style: Style = { currency, comma: currency === "EUR" && rnd() < 0.6 };
  const merchant = MERCHANTS[index % MERCHANTS.length]!;
  const [y, m, d] = [2025 + (index % 2), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)];
  const count = 2 + Math.floor(rnd() * 5);
  const items = Array.from({ length: count }, () => ({ description: pick(ITEMS), cents: 99 + Math.floor(rnd() * 2400) }));
  const subtotal = items.reduce((sum, item) => sum + item.cents, 0);
  const rate = currency === "USD" ? 0.0825 : currency === "GBP" ? 0.2 : 0.19;
  const withTax = rnd() < 0.8;
  const tax = withTax ? Math.round(subtotal * rate) : 0;
  const total = subtotal + tax;
  const symbols = rnd() < 0.6;
  const taxLabel = currency === "USD" ? "Sales Tax" : "VAT";
  const totalLabel = pick(["TOTAL", "TOTAL", "Total", "GRAND TOTAL", "AMOUNT DUE"]);
  const tendered = Math.ceil(total / 1000) * 1000 + (rnd() < 0.5 ? 1000 : 0);
  const rows: Row[] = [
    { left: merchant.toUpperCase(), center: true, bold: true },
    { left: pick(STREETS), center: true },
    { left: `Tel ${100 + Math.floor(rnd() * 899)}-555-${1000 + Math.floor(rnd() * 8999)}`, center: true },
    { left: `Date: ${printedDate(y, m, d, style, index)}  ${pad(7 + Math.floor(rnd() * 13))}:${pad(Math.floor(rnd() * 60))}` },
    { left: "" },
    ...items.map((item) => ({ left: item.description, right: printed(item.cents, style, false) })),
    { left: "" },
    { left: "Subtotal", right: printed(subtotal, style, symbols) },
    ...(withTax ? [{ left: `${taxLabel} ${(rate * 100).toFixed(rate === 0.0825 ? 2 : 0)}%`, right: printed(tax, style, symbols) }] : []),
    { left: totalLabel, right: printed(total, style, true), bold: true },
    ...(rnd() < 0.5
      ? [
          { left: "Cash", right: printed(tendered, style, symbols) },
          { left: "Change", right: printed(tendered - total, style, symbols) },
        ]
      : [{ left: pick(["VISA ****1234", "Card payment", "MASTERCARD"]), right: printed(total, style, symbols) }]),
    { left: "" },
    { left: "Thank you for shopping!", center: true },
  ];
  return {
    rows,
    truth: {
      merchant,
      date: `${y}-${pad(m)}-${pad(d)}`,
      total: major(total),
      tax: withTax ? major(tax) : null,
      currency,
      items: items.map((item) => ({ description: item.description, amount: major(item.cents) })),
    },
  };
}

function svg(rows: Row[], width: number, fontSize: number, font: string): { svg: string; height: number } {
  const lineHeight = Math.round(fontSize * 1.45);
  const margin = Math.round(fontSize * 1.2);
  const height = rows.length * lineHeight + 2 * margin;
  const text = rows
    .map((row, i) => {
      const baseline = margin + (i + 1) * lineHeight - Math.round(lineHeight * 0.3);
      const weight = row.bold ? ' font-weight="bold"' : "";
      const left = row.center
        ? `<text x="${width / 2}" y="${baseline}" text-anchor="middle"${weight}>${escapeXml(row.left)}</text>`
        : `<text x="${margin}" y="${baseline}"${weight}>${escapeXml(row.left)}</text>`;
      const right = row.right
        ? `<text x="${width - margin}" y="${baseline}" text-anchor="end"${weight}>${escapeXml(row.right)}</text>`
        : "";
      return left + right;
    })
    .join("");
  return {
    height,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fbfaf6"/><g font-family="${font}" font-size="${fontSize}" fill="#222">${text}</g></svg>`,
  };
}

/** Dark specks over a fraction of the pixels, as a grayscale overlay to multiply in. */
function speckles(width: number, height: number, share: number, rnd: () => number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height, 255);
  for (let i = 0; i < pixels.length; i++) if (rnd() < share) pixels[i] = 80 + Math.floor(rnd() * 120);
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace("srgb")
    .png()
    .toBuffer();
}

async function render(index: number): Promise<ReceiptSample> {
  const rnd = random(1000 + index);
  const { rows, truth } = receiptRows(index, rnd);
  const font = FONTS[index % FONTS.length]!;
  const fontSize = 18 + Math.floor(rnd() * 12);
  const width = Math.round(fontSize * (font.includes("Mono") ? 22 : 20));
  const drawn = svg(rows, width, fontSize, font);
  let image = sharp(Buffer.from(drawn.svg));
  const noise = index % 3 === 0 ? 0 : 0.002 + rnd() * 0.006;
  if (noise > 0)
    image = sharp(await image.png().toBuffer()).composite([{ input: await speckles(width, drawn.height, noise, rnd), blend: "multiply" }]);
  let buffer = await image.png().toBuffer();
  const angle = (rnd() - 0.5) * 4;
  const blur = index % 4 === 1 ? 0.5 + rnd() * 0.7 : 0;
  let out = sharp(buffer).rotate(angle, { background: "#f4f2ec" });
  if (blur > 0) out = out.blur(blur);
  buffer = await out.png().toBuffer();
  const format = index % 5;
  const [file, contentType] =
    format === 4
      ? [await sharp(buffer).png().toBuffer(), "image/png"]
      : format === 3
        ? [await sharp(buffer).webp({ quality: 70 }).toBuffer(), "image/webp"]
        : [
            await sharp(buffer)
              .jpeg({ quality: 45 + Math.floor(rnd() * 45) })
              .toBuffer(),
            "image/jpeg",
          ];
  const name = `${String(index).padStart(2, "0")}-${truth.merchant.toLowerCase().replace(/\W+/g, "-")}-${font.replace(/\W+/g, "")}-${fontSize}px-${angle.toFixed(1)}deg${blur > 0 ? "-blur" : ""}${noise > 0 ? "-noise" : ""}`;
  return { name, file, contentType, truth };
}

export function generateReceiptSamples(count = 24): Promise<ReceiptSample[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => render(i)));
}

/** A picture that is not a receipt: colour gradients under noise, as a photo of anything else would be. */
export async function nonReceiptImage(): Promise<Buffer> {
  const [width, height] = [900, 700];
  const rnd = random(7);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.floor((x / width) * 200 + rnd() * 55);
      pixels[i + 1] = Math.floor((y / height) * 180 + rnd() * 60);
      pixels[i + 2] = Math.floor(120 + rnd() * 80);
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A JPEG cut off after its first bytes, as an interrupted upload leaves it. */
export async function corruptFile(): Promise<Buffer> {
  const whole = await nonReceiptImage();
  return Buffer.concat([whole.subarray(0, 200), Buffer.from("not the rest of a jpeg")]);
}
