/** A search snippet: each part is text; the parts that matched are marked. Never HTML. */
export function Snippet({ parts }: { parts: Array<{ text: string; highlight: boolean }> }) {
  return (
    <span className="line-clamp-3 text-sm break-words text-foreground/90">
      {parts.map((part, i) =>
        part.highlight ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 font-semibold text-foreground">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
