const REFERENCE = /([#IC]\{[^{}]*\})/;

/** A formula as code, each `#{…}`, `I{…}`, `C{…}` kept on one line so a reference never wraps after its `#`. */
export function FormulaText({ formula }: { formula: string }) {
  return (
    <code className="formula-text">
      {formula.split(REFERENCE).map((piece, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one formula never move.
          <span key={index} className="formula-ref">
            {piece}
          </span>
        ) : (
          piece
        ),
      )}
    </code>
  );
}
