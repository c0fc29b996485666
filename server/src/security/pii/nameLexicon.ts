/**
 * The words the name finder reads names by, written for Tandem: the phrases that introduce a name
 * (en, es, de, fr, pt, with some it and nl), greetings, sign-offs, titles and field labels; common
 * given names; and words that are capitalised where a name would be but are not one ("Hi Team",
 * "Thanks, The Support Team"). All lower-case, accents kept, apostrophes as `'`.
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));
const phrases = (text: string): string[] =>
  text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/** A name always follows ("my name is …", "Kontoinhaber …"). */
export const STRONG_CUES = phrases(`
  my name is | my name's | name's | my full name is | the name is | in the name of | under the name | account holder | cardholder |
  card holder | signed | me llamo | mi nombre es | mi nombre completo es | a nombre de | titular | titular de la cuenta |
  ich heiße | ich heisse | mein name ist | mein vollständiger name ist | auf den namen | kontoinhaber | kontoinhaberin |
  karteninhaber | karteninhaberin | je m'appelle | mon nom est | mon nom complet est | au nom de | titulaire | titulaire du compte |
  meu nome é | o meu nome é | me chamo | chamo-me | em nome de | titular da conta | mi chiamo | il mio nome è | mijn naam is | ik heet
`);

/** A name may follow ("I'm Anna", but "I'm sorry"): taken only when it looks like one. */
export const WEAK_CUES = phrases(`
  i'm | im | i am | this is | it's | its | it is | here is | here's | soy | habla | aquí | aqui | ich bin | hier ist | hier spricht |
  hier schreibt | je suis | c'est | ici | eu sou | sou | aqui é | aqui fala | quem fala é | sono | ik ben | hier is | sono io |
  my husband | my wife | my partner | my son | my daughter | my mother | my father | my mom | my mum | my dad | my brother |
  my sister | my colleague | my coworker | my co-worker | my boss | my manager | my friend | my neighbour | my neighbor |
  my assistant | my girlfriend | my boyfriend | my fiancé | my fiancée | spoke with | spoke to | talked to | talked with |
  ask for | asked for | according to | assigned to | handed over to | handed over from | the customer | customer |
  client | mi marido | mi esposo | mi esposa | mi mujer | mi hijo | mi hija | mi madre | mi padre | mi hermano | mi hermana |
  mi compañero | mi compañera | mi jefe | mi jefa | mi amigo | mi amiga | hablé con | el cliente | la cliente | mein mann |
  meine frau | mein sohn | meine tochter | mein kollege | meine kollegin | mein chef | meine chefin | mein bruder |
  meine schwester | mein vater | meine mutter | der kunde | die kundin | kunde | kundin | mon mari | ma femme | mon fils |
  ma fille | mon collègue | ma collègue | mon frère | ma sœur | mon père | ma mère | parlé avec | le client | la cliente |
  meu marido | minha esposa | minha mulher | meu filho | minha filha | meu colega | minha colega | meu irmão | minha irmã |
  falei com | o cliente | a cliente | da cliente | do cliente
`);

/** At the start of a line, before the addressee's name. */
export const GREETINGS = phrases(`
  hi | hello | hey | dear | good morning | good afternoon | good evening | morning | hiya | hola | buenos días | buenos dias |
  buenas tardes | buenas noches | buenas | estimado | estimada | querido | querida | hallo | liebe | lieber | sehr geehrte |
  sehr geehrter | guten tag | guten morgen | moin | servus | bonjour | bonsoir | salut | cher | chère | olá | ola | oi |
  prezado | prezada | caro | cara | bom dia | boa tarde | boa noite | ciao | buongiorno | gentile | gentilissima | beste | hoi
`);

/** At the start of a line, before the writer's name (same line or the next). */
export const SIGN_OFFS = phrases(`
  thanks | thank you | thanks again | thanks a lot | thanks so much | thank you so much | many thanks | best | best regards |
  best wishes | kind regards | kindest regards | warm regards | warmest regards | regards | cheers | sincerely | yours sincerely |
  yours truly | yours faithfully | yours | all the best | take care | respectfully | with thanks | saludos | un saludo |
  saludos cordiales | un cordial saludo | cordiales saludos | atentamente | gracias | muchas gracias | cordialmente | besos |
  abrazos | un abrazo | viele grüße | viele grüsse | beste grüße | liebe grüße | herzliche grüße | freundliche grüße |
  mit freundlichen grüßen | mit freundlichen grüssen | mit besten grüßen | mfg | lg | vg | gruß | grüße | danke |
  vielen dank | danke schön | cordialement | bien cordialement | bien à vous | merci | merci d'avance | merci beaucoup |
  bonne journée | amicalement | salutations | sincères salutations | obrigado | obrigada | muito obrigado | muito obrigada |
  atenciosamente | abraços | abraço | abs | att | cumprimentos | beijos | grazie | cordiali saluti | distinti saluti | saluti |
  met vriendelijke groet | groeten | groetjes
`);

/** Labels of a field that holds a name, before a colon ("Customer: …", "Titulaire : …"). */
export const NAME_LABELS = phrases(`
  name | full name | customer | customer name | requester | requester name | from | to | cc | contact | contact person | agent |
  assignee | assigned to | account holder | cardholder | card holder | submitted by | reported by | created by | requested by |
  nombre | nombre completo | cliente | titular | remitente | de | para | contacto | agente | solicitante | kunde | kundin |
  vorname | nachname | von | an | ansprechpartner | ansprechpartnerin | kontoinhaber | absender | empfänger | bearbeiter | nom |
  prénom | nom complet | client | titulaire | expéditeur | destinataire | interlocuteur | nome | nome completo | remetente |
  responsável | atendente | solicitante | nominativo
`);

/** Before a name, outside it: "Mr. Whitfield", "Frau Dr. Brandt", "Sr. Ruiz". */
export const TITLES = words(`
  mr mrs ms miss mx dr prof sr sra srta sres don doña dña herr frau fräulein m mme mlle monsieur madame mademoiselle sig
  sig.ra signor signora dott senhor senhora sra dona
`);

/** Small words inside a name: "Sanne de Vries", "Ana de la Torre", "Ludwig van Beethoven". */
export const PARTICLES = words(`de del la las los da das do dos van von der den ter di du le y e bin al zu dei della`);

/** Words a name never starts with: a sign-off followed by "The Support Team" signs no person. */
export const ARTICLES = words(`
  the a an your our my his her their el la los las un una tu su mi der die das den dem ein eine ihr ihre ihren ihrem unser unsere
  mein meine dein deine sein seine le les un une votre notre mon ma mes o os as um uma seu sua meu minha nosso il lo
`);

/** Capitalised where a name would stand, but not a name. */
export const NOT_NAMES = words(`
  team teams support customer customers service services care sales billing accounts account help desk helpdesk office store shop
  company department dept there all everyone everybody guys folks friends friend sir madam gentlemen ladies colleagues again
  dear hi hello hey thanks thank you regards best kind sincerely cheers from sent iphone ipad android mobile outlook gmail
  my your our their his her we i it this that is am are was the and or but not very really so just sorry happy urgent
  writing calling please order orders refund refunds payment invoice delivery package return returns shipping manager admin
  user customer-service staff crew management operations head director ceo cto owner founder member members
  cliente clientes equipo todos todas soporte atención atencion servicio ventas hola gracias saludos señor señora señores
  usuario gerente
  kunde kunden kundin zusammen kundenservice kundendienst service hallo danke grüße gruß herr frau damen herren leute
  tous toutes équipe equipe clientèle client clients monsieur madame bonjour merci messieurs mesdames
  pessoal suporte atendimento time galera olá obrigado obrigada senhor senhora senhores
  tutti cliente servizio
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
  november december lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
  septiembre octubre noviembre diciembre montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni
  juli oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
  septembre octobre novembre décembre segunda terça quarta quinta sexta janeiro fevereiro março maio junho julho setembro
  outubro novembro dezembro
  visa mastercard amex discover paypal iban cvv cvc dni nie cpf nif ssn sku faq pdf usa uk eu
  black white red blue green grey gray silver gold pink brown orange yellow purple
  new old big small great good bad first last next other same free premium pro plus basic gift card
`);

/** Words before a given name that make it a place: "São Paulo", "San Diego", "Santa Maria". */
export const PLACE_PREFIXES = words(`são sao san santa santo saint st sainte sankt port porto fort mount mont lake villa vila rio`);

/** Words after a given name that make it a street, a company or a place. */
export const NOT_AFTER_NAME = words(`
  street st avenue ave road rd lane drive boulevard square court place way close terrace
  straße strasse platz allee weg ring calle avenida rua avenue rue boulevard plaza praça
  inc ltd llc gmbh corp co company hotel airport station bank university college hospital school beach
`);

/**
 * Given names common among support customers (written for Tandem, not exhaustive). A capitalised
 * one is a name wherever it stands, unless it is also a common word or place (`AMBIGUOUS_NAMES`).
 */
export const GIVEN_NAMES = words(`
  aaron abby abigail adam adele adrian adriana agnes agustín aida aidan aisha alan alba albert alberto alejandra alejandro
  alessandra alessandro alex alexander alexandra alexandre alfonso alfredo ali alice alicia alina alison amanda amelia amélie
  amir amy ana andré andrea andreas andrés andrew andy angela angelika ángel anita ann anna anne annette anthony antoine
  antonio antónio anya arjun arnaud arthur ashley astrid aurélie axel barbara bastian beatriz beatrice becky ben benedikt
  benjamin bernard bernd bertrand beth bianca birgit bob brian bruno caio camila camille carla carlos carmen carolina caroline
  carsten catarina catherine cecilia cédric charles charlie charlotte chiara chloe chloé chris christian christina christine
  christoph christopher claire clara claudia claudio clément colin connor constanza cristina cristiano daniel daniela danielle
  daniele dario david débora deborah denis diana diane diego dieter dimitri dmitri dominik dominique doris duarte edgar eduardo
  elena eleni elias elisa elisabeth elise elke ella ellen elodie élodie emil emilia emily emma emmanuel enrique enzo eric erik
  erika ernesto esteban esther estelle eva evelyn fabian fabien fabio fatima felipe felix fernanda fernando filipa filipe fiona
  florian francesca francesco francisco françois frank franz frederik gabriel gabriela gabriele gabrielle georg george gerhard
  gilles giorgio giovanni giulia giuseppe gonzalo gregor gregory greta guilherme guillaume gustavo günter gunther hannah hans
  harald harry heidi heike heinz helen helena helga henri henrique henry hugo ian ignacio igor ilse inês ines ingrid irene
  isaac isabel isabella isabelle ivan jack jacob jacqueline jaime jakob james jan jana jane janet janine jason javier jean
  jeanne jennifer jens jérôme jessica joana joanna joaquín joão joel johann johanna john jonas jonathan jordi jorge josé
  josefina joseph josh joshua juan julia julian juliana julie julien julio jürgen justin karen karin karina karl kasia katarina
  katharina katherine kathrin katie katja katrin kayla keith kelly kenji kevin kim klaus konstantin kristina lara larissa laura
  laurent lea léa leandro leo leon léon leonardo leonie lisa lorena lorenzo louis louise luana luca lucas lucía lucia luciana
  luis luisa luiz lukas lutz madeleine magdalena maite manon manuel manuela marc marcel marcela marcelo marco marcos marcus
  margarida margaret margot maria maría mariana marie marina mario mariusz marta martin martina martín mateo mathias mathieu
  matías matteo matthew matthias maurice mauricio maximilian megan mei melanie mélanie mia michael michaela michel michelle
  miguel mikael milena miriam mohamed mohammed monica mónica monika nadia nadine natalia natália nathalie nicolas nicole niklas
  nikolai nils nina noah noemi nora norbert nuno nuria oliver olivia olga óscar oscar otto pablo paola pascal patricia patrick
  paul paula paulo pedro peter petra philip philipp philippe pierre pietro pilar priya rachel rafael rafaela raphael raquel
  raúl raul rebecca regina reinhard renata renato rené ricardo richard rita robert roberta roberto rocío rodrigo roger roland
  rolf romain rosa rosario rubén ruben rui ruth sabine sabrina salomé samuel sandra sara sarah sascha sebastian sebastián
  sébastien sergio silke silvia simon simona simone sofia sofía sophie stefan stefanie stefano stephan stéphane stephanie steve
  steven susana susanne sven sylvie tamara tatiana teresa thiago thomas thorsten tiago tim timo tobias tom tomás tomasz toni
  torsten ulrich ursula uwe valentina valentin valérie vanessa verena veronica verónica víctor vincent vinícius viola vitor
  walter werner wolfgang xavier yann yannick yasmin yolanda yusuf yves zoe zoé
  nikhil rahul anil sunil deepak ravi vikram ananya aditi kavya rohan sanjay neha pooja arun meera
  wei li ming jun hiroshi yuki haruto sakura takeshi akira yuto hana min-jun ji-woo seo-yeon
  ahmed omar youssef karim layla leila fatma mustafa hassan hussein khalid amina
  olena oksana natasha sergei sergey andrei alexei svetlana irina anastasia ekaterina yulia
  sanne daan bram lotte femke joost pieter willem anouk
  megan kayleigh bethany chelsea courtney brittany tiffany brandon tyler dylan kyle cody trevor travis derek
  grace hannah holly oliver harry jake amelia isla poppy freya alfie archie
`);

/** Given names that are also common words, brands or places: a name only where a cue says so. */
export const AMBIGUOUS_NAMES = words(`
  will mark may june april august grace rose bill pat art frank don guy ray max sky summer hope joy faith dean chase hunter
  jack angel paris florence victoria georgia virginia carolina lima santiago salvador dolores mercedes austin jordan madison
  sydney charlotte adelaide eugene orlando jackson lincoln regina sofia sol mar paz luz bella ruby amber crystal ivy iris
  olive violet dawn robin heather holly daisy lily jade jasmine rosa pilar ángel angel chance sonny rich penny autumn
  marina
`);
