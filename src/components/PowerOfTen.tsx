// 10 to a power, written as every label of the app writes it: a real superscript with a real minus
// sign (10⁻⁴ as 10<sup>−4</sup>), never "10^-4".
export function powerOfTenExponent(exponent: number): string {
  return String(exponent).replace('-', '−');
}

export function PowerOfTen({ exponent }: { exponent: number | string }) {
  const text = typeof exponent === 'number' ? powerOfTenExponent(exponent) : exponent.replace('-', '−');
  return (
    <span className="power-of-ten">
      10<sup>{text}</sup>
    </span>
  );
}
