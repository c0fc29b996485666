/**
 * The draft's text with its citations as small buttons: hover or focus shows the source's title
 * and passage, a click opens the source (http(s) only) in a new tab. Model and knowledge text is
 * rendered only as React text.
 */
import type { CitedSource } from '@tandem/shared';
import { useId, useState } from 'react';
import { openSource, openableUrl, segmentDraft, snippetOf } from './citations';

export function DraftText({ text, sources }: { text: string; sources: readonly CitedSource[] }) {
  const id = useId();
  return (
    <>
      {segmentDraft(text, sources).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <Citation key={index} tipId={`${id}-${index}`} n={segment.n} source={segment.source} />
        ),
      )}
    </>
  );
}

/**
 * The tooltip exists only while the marker is hovered or focused, so the draft's text (what a
 * test, a screen reader or a selection reads) is the reply itself, not every source's passage.
 */
function Citation({ n, source, tipId }: { n: number; source: CitedSource; tipId: string }) {
  const url = openableUrl(source.url);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const open = hovered || focused;
  return (
    <span className="citation" onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <button
        type="button"
        className="citation__marker"
        data-testid={`citation-${n}`}
        aria-label={`Source ${n}: ${source.title}`}
        aria-describedby={open ? tipId : undefined}
        aria-disabled={url === undefined ? true : undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(event) => {
          // Escape dismisses the tooltip without moving focus (WCAG 1.4.13).
          if (event.key === 'Escape') {
            setFocused(false);
            setHovered(false);
          }
        }}
        onClick={() => {
          if (url !== undefined) openSource(url);
        }}
      >
        [{n}]
      </button>
      {open ? (
        <span role="tooltip" id={tipId} className="citation__tip">
          <strong>{source.title}</strong>
          {source.sectionPath.length === 0 ? null : <span className="muted"> · {source.sectionPath.join(' › ')}</span>}
          <span className="citation__snippet">{snippetOf(source)}</span>
          {url === undefined ? null : <span className="muted citation__url">{url}</span>}
        </span>
      ) : null}
    </span>
  );
}
