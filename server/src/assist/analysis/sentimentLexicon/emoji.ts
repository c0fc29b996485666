/**
 * Emoji valence for ticket signals; emoji carry the same feeling in every language, so there is one list.
 */
export const EMOJI_VALENCE: Readonly<Record<string, number>> = {
  '😡': -3,
  '🤬': -3,
  '😠': -2.5,
  '😤': -2,
  '😞': -2,
  '😢': -2,
  '😭': -2,
  '👎': -2,
  '🙁': -1.5,
  '☹': -1.5,
  '🙂': 1,
  '😊': 2,
  '😀': 2,
  '😃': 2,
  '😄': 2,
  '😍': 3,
  '🥰': 3,
  '🙏': 1.5,
  '👍': 1.5,
  '❤': 2,
  '🎉': 2,
};
