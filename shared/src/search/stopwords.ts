/**
 * Function words dropped from queries and documents before lexical scoring. They carry no topic
 * and dominate long tickets ("hi, I was wondering if you could…").
 */
const en = `a about above after again against all am an and any are aren't as at be because been before being below between both
but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has
hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves hi hello hey thanks thank please dear regards just also
get got would like want wanted wondering im ive dont cant its s t`;

const es = `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre
era eres es esa esas ese eso esos esta estas este esto estos estoy fue ha han has hay la las le les lo los me mi mis mucho muy
nada ni no nos o os otra otro para pero poco por porque que quien se sea ser si sin sobre son su sus también te tengo ti tu tus
un una uno unos y ya yo hola gracias favor`;

const de = `aber alle als also am an auch auf aus bei bin bis bitte da dann das dass dein dem den der des die dies diese dieser du
durch ein eine einem einen einer es für hab habe haben hallo hat ich ihr im in ist ja kann kein keine mein meine mich mir mit
nach nicht noch nur oder ohne sich sie sind so und uns unser von vor war was weil wie wir wird zu zum zur danke`;

const fr = `à au aux avec ce ces cette dans de des du elle en est et eu il ils je la le les leur lui ma mais me mes moi mon ne nos
notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y bonjour merci été être
ai avez avoir suis mon`;

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: toSet(en),
  es: toSet(es),
  de: toSet(de),
  fr: toSet(fr),
};

/** Union of every language's list: a ticket often mixes a greeting in one language with a body in another. */
export const ALL_STOPWORDS: ReadonlySet<string> = new Set(Object.values(STOPWORDS).flatMap((s) => [...s]));
