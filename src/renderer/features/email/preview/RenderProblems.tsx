import type { RenderedEmail } from '../../../../shared/api/dto';

/** Render errors: those of a block link to it; the others are about the whole email. */
export function RenderProblems({
  errors,
  onShowBlock,
}: {
  errors: RenderedEmail['errors'];
  onShowBlock: (blockId: string) => void;
}) {
  if (errors.length === 0) return null;
  return (
    <div className="ee-render-problems">
      <h3>
        {errors.length} problem{errors.length === 1 ? '' : 's'} in this email
      </h3>
      <ul>
        {errors.map((error, i) => (
          <li key={i}>
            {error.message}{' '}
            {error.blockId && (
              <button type="button" className="ee-link-button" onClick={() => onShowBlock(error.blockId!)}>
                Show the block
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
