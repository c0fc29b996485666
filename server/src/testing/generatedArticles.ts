/**
 * Deterministic knowledge articles written by this generator (our own text), for load, crash and
 * benchmark tests that need many documents of realistic shape.
 */
const PRODUCTS = [
  'Aurora kettle',
  'Borealis lamp',
  'Cirrus backpack',
  'Delta headphones',
  'Ember heater',
  'Fjord jacket',
  'Glacier bottle',
  'Harbor tent',
];
const TOPICS = [
  ['Returns', 'You can return the {p} within {n} days of delivery if it is unused and in its original box.'],
  ['Warranty', 'The {p} carries a {n}-month warranty covering manufacturing defects; keep your receipt.'],
  ['Shipping', 'Orders of the {p} ship within {n} business days; express delivery is available at checkout.'],
  ['Care', 'Clean the {p} with a soft cloth; avoid solvents and store it dry, below {n} degrees.'],
  ['Troubleshooting', 'If the {p} does not start, hold the power button for {n} seconds to reset it.'],
  ['Billing', 'Payments for the {p} are captured when it ships; a refund appears within {n} days.'],
] as const;

export function generatedArticle(i: number, sections = 5): string {
  const product = PRODUCTS[i % PRODUCTS.length] as string;
  const lines = [`# ${product} guide ${i}`, '', `This guide covers the ${product} (reference ${1000 + i}).`, ''];
  for (let s = 0; s < sections; s++) {
    const [heading, template] = TOPICS[(i + s) % TOPICS.length] as readonly [string, string];
    lines.push(`## ${heading}`, '', template.replace('{p}', product).replace('{n}', String(((i * 7 + s * 3) % 28) + 2)), '');
    lines.push(
      `- Ask support about case ${i}-${s} if anything is unclear.`,
      `- Mention model ${String.fromCharCode(65 + (s % 26))}${i}.`,
      '',
    );
  }
  return lines.join('\n');
}
