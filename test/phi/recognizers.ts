/**
 * The recognizers' own decision, before the wording model weighs in (phi/engine/decide.ts withWording).
 * A few twin tests pin a recognizer's rule on a snippet the wording model reads differently; they assert
 * this, and phi/README.md lists those snippets as the blend's known false alarms.
 */
import { createDetector, dictionary, type MessagePart } from '../../phi/index.ts';

const detector = createDetector(dictionary);

export function recognizersFlag(parts: MessagePart[]): boolean {
  return detector.signals(parts).recognizers.containsPhi;
}

export function recognizersFlagText(text: string, where = 'body'): boolean {
  return recognizersFlag([{ where, text }]);
}

/** Whom the recognizers hold the message to identify nobody as ('automated notice', 'mass mail', …), or null. */
export function recognizersNobody(parts: MessagePart[]): string | null {
  return detector.signals(parts).recognizers.nobody ?? null;
}
