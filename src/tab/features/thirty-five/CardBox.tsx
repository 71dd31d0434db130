/** One topic card as a participant reads it: a caption, the title, the description. Never its author. */
import type { GameCard } from '../../../domain/thirty-five';
import { useGameStyles } from './styles';

export function CardBox({
  caption,
  card,
  testId,
}: {
  caption: string;
  card: Pick<GameCard, 'title' | 'description'> | undefined;
  testId?: string;
}) {
  const s = useGameStyles();
  return (
    <div className={s.card} data-testid={testId}>
      <span className={s.cardCaption}>{caption}</span>
      <span className={s.cardTitle} data-testid={testId ? `${testId}-title` : undefined}>
        {card?.title ?? 'A card that left the game'}
      </span>
      {card?.description ? <span className={s.cardDescription}>{card.description}</span> : null}
    </div>
  );
}
