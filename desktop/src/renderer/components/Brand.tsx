/**
 * The Tandem mark and name, shared by the sign-in screen and the console's top bar.
 */
export function Brand({ large = false }: { large?: boolean }) {
  return (
    <div className={large ? 'brand brand--large' : 'brand'}>
      <span className="brand__mark" aria-hidden="true">
        T
      </span>
      <span className="brand__name">Tandem</span>
    </div>
  );
}
