/** The built-in emoji: common reactions with their Slack-style short names. */
export const EMOJI: ReadonlyArray<readonly [shortName: string, emoji: string]> = [
  ['thumbsup', '👍'], ['thumbsdown', '👎'], ['heart', '❤️'], ['joy', '😂'], ['smile', '😄'], ['slightly_smiling_face', '🙂'],
  ['wink', '😉'], ['heart_eyes', '😍'], ['thinking_face', '🤔'], ['open_mouth', '😮'], ['cry', '😢'], ['sob', '😭'],
  ['rage', '😡'], ['sweat_smile', '😅'], ['upside_down_face', '🙃'], ['sunglasses', '😎'], ['partying_face', '🥳'], ['facepalm', '🤦'],
  ['shrug', '🤷'], ['pray', '🙏'], ['clap', '👏'], ['raised_hands', '🙌'], ['wave', '👋'], ['ok_hand', '👌'],
  ['muscle', '💪'], ['point_up', '☝️'], ['eyes', '👀'], ['fire', '🔥'], ['tada', '🎉'], ['rocket', '🚀'],
  ['sparkles', '✨'], ['star', '⭐'], ['100', '💯'], ['white_check_mark', '✅'], ['heavy_check_mark', '✔️'], ['x', '❌'],
  ['warning', '⚠️'], ['question', '❓'], ['exclamation', '❗'], ['bulb', '💡'], ['memo', '📝'], ['pushpin', '📌'],
  ['calendar', '📅'], ['hourglass', '⏳'], ['coffee', '☕'], ['beers', '🍻'], ['pizza', '🍕'], ['cake', '🍰'],
  ['bug', '🐛'], ['wrench', '🔧'], ['lock', '🔒'], ['bell', '🔔'], ['speech_balloon', '💬'], ['link', '🔗'],
  ['green_heart', '💚'], ['blue_heart', '💙'], ['purple_heart', '💜'], ['broken_heart', '💔'], ['skull', '💀'], ['see_no_evil', '🙈'],
];

/** The first row of the picker and of the quick-reaction buttons. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '👀', '✅'] as const;

const byShortName = new Map(EMOJI.map(([name, emoji]) => [name, emoji]));
const byEmoji = new Map(EMOJI.map(([name, emoji]) => [emoji, name]));

/** ":tada:" → "🎉" for known names; unknown names stay as they are (the server accepts :custom: names). */
export function emojiFor(reaction: string): string {
  const match = /^:([a-z0-9_+-]+):$/.exec(reaction);
  return (match && byShortName.get(match[1]!)) ?? reaction;
}

export function shortNameOf(emoji: string): string | undefined {
  return byEmoji.get(emoji);
}

/** Known `:name:` codes in typed text become emoji (what Slack does on send). */
export function replaceShortNames(text: string): string {
  // Only free-standing codes: "10:30:00" or "a:100:b" are left alone.
  return text.replace(/(?<![\w:]):([a-z0-9_+-]+):(?![\w:])/g, (whole, name: string) => byShortName.get(name) ?? whole);
}

export function searchEmoji(query: string): ReadonlyArray<readonly [string, string]> {
  const q = query.trim().toLowerCase().replace(/^:|:$/g, '');
  return q ? EMOJI.filter(([name]) => name.includes(q)) : EMOJI;
}
