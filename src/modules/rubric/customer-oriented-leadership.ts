// Default interview rubric "Customer-oriented leadership" (key `customer-oriented-leadership`).
//
// Distilled from the five Scandinavian source articles in domain/sources/: a headhunter on how
// customer-oriented today's top leaders really are, and consultants on "customer-focused
// leadership" as a discipline (outside-in thinking, touchpoints, acting on what you see, close
// and active leadership, learning-oriented leadership, loyalty economics).
//
// Every text exists in English (EN), Norwegian bokmål (NB), Danish (DA) and Swedish (SV).
// Anchors are behaviourally anchored: index 0..4 describes what a score of 1..5 looks like.

export type LocalizedText = { EN: string; NB: string; DA: string; SV: string };

export interface CompetencySeed {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  indicators: LocalizedText[];
  questions: LocalizedText[];
  anchors: [LocalizedText, LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

export interface RubricSeed {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  competencies: CompetencySeed[];
}

export const customerOrientedLeadershipRubric: RubricSeed = {
  key: 'customer-oriented-leadership',
  name: {
    EN: 'Customer-oriented leadership',
    NB: 'Kundeorientert lederskap',
    DA: 'Kundeorienteret ledelse',
    SV: 'Kundorienterat ledarskap',
  },
  description: {
    EN: 'Assesses how close a leader is to the customer experience and how systematically they turn customer focus into insight, culture and action. Customer focus starts at the top, is led by example and shows in how the organisation behaves at every single touchpoint.',
    NB: 'Vurderer hvor tett en leder er på kundeopplevelsen, og hvor systematisk vedkommende omsetter kundefokus til innsikt, kultur og handling. Kundefokus starter på toppen, ledes gjennom eksempelets makt og synes i hvordan organisasjonen opptrer i hvert eneste kontaktpunkt.',
    DA: 'Vurderer, hvor tæt en leder er på kundeoplevelsen, og hvor systematisk vedkommende omsætter kundefokus til indsigt, kultur og handling. Kundefokus starter i toppen, udøves gennem egne handlinger og ses i, hvordan organisationen agerer i hvert eneste kontaktpunkt.',
    SV: 'Bedömer hur nära kundupplevelsen en ledare befinner sig och hur systematiskt hen omsätter kundfokus i insikt, kultur och handling. Kundfokus börjar i toppen, leds genom gott exempel och syns i hur organisationen agerar i varje enskild kontaktpunkt.',
  },
  competencies: [
    // ---------------------------------------------------------------------------------------
    {
      key: 'CUSTOMER_INSIGHT',
      name: {
        EN: 'Customer and market insight',
        NB: 'Kunde- og markedsinnsikt',
        DA: 'Kunde- og markedsindsigt',
        SV: 'Kund- och marknadsinsikt',
      },
      description: {
        EN: 'Actively gathers and analyses facts about customers, their behaviour and the market, and bases goals, strategy and decisions on them. Makes the reasoning clear enough that the organisation understands why.',
        NB: 'Henter aktivt inn og analyserer fakta om kunder, kundeadferd og marked, og bygger mål, strategier og beslutninger på dem. Gjør begrunnelsen så tydelig at organisasjonen forstår hvorfor.',
        DA: 'Indsamler og analyserer aktivt fakta om kunder, kundeadfærd og marked og baserer mål, strategi og beslutninger på dem. Gør begrundelsen så tydelig, at organisationen forstår hvorfor.',
        SV: 'Samlar aktivt in och analyserar fakta om kunder, kundbeteende och marknad och grundar mål, strategi och beslut på dem. Gör resonemanget så tydligt att organisationen förstår varför.',
      },
      indicators: [
        {
          EN: 'Uses several sources of customer data (surveys, complaints, contact volumes, churn, sales) rather than anecdotes or gut feeling.',
          NB: 'Bruker flere kilder til kundedata – undersøkelser, klager, henvendelsesvolum, kundefrafall, salg – framfor enkelthistorier og magefølelse.',
          DA: 'Bruger flere kilder til kundedata – målinger, klager, henvendelsesmængder, kundeafgang, salg – frem for enkeltstående historier og mavefornemmelse.',
          SV: 'Använder flera källor till kunddata – undersökningar, klagomål, ärendevolymer, kundbortfall, försäljning – snarare än enstaka anekdoter och magkänsla.',
        },
        {
          EN: "Asks for the facts before deciding, and challenges assumptions such as 'hardly anyone calls at that time'.",
          NB: 'Krever fakta på bordet før beslutninger tas, og utfordrer antakelser som «det er jo nesten ingen som ringer da».',
          DA: 'Kræver fakta på bordet, før der træffes beslutninger, og udfordrer antagelser som »der er jo næsten ingen, der ringer på det tidspunkt«.',
          SV: 'Kräver fakta på bordet innan beslut fattas och utmanar antaganden som ”det är ju nästan ingen som ringer då”.',
        },
        {
          EN: 'Translates insight into clear goals and priorities, and explains to the organisation how the data led to the decision.',
          NB: 'Omsetter innsikt til klare mål og prioriteringer, og forklarer organisasjonen hvordan tallene ledet fram til beslutningen.',
          DA: 'Omsætter indsigt til klare mål og prioriteringer og forklarer organisationen, hvordan data førte frem til beslutningen.',
          SV: 'Omsätter insikt i tydliga mål och prioriteringar och förklarar för organisationen hur underlaget ledde fram till beslutet.',
        },
        {
          EN: 'Segments customers and knows which customer groups matter most and what each of them values.',
          NB: 'Segmenterer kundene og vet hvilke kundegrupper som betyr mest, og hva hver av dem verdsetter.',
          DA: 'Segmenterer kunderne og ved, hvilke kundegrupper der betyder mest, og hvad hver af dem lægger vægt på.',
          SV: 'Segmenterar kunderna och vet vilka kundgrupper som betyder mest och vad var och en av dem värdesätter.',
        },
      ],
      questions: [
        {
          EN: "Tell me about an important decision where customer data changed your mind or your team's plan. What data did you use, and what happened?",
          NB: 'Fortell om en viktig beslutning der kundedata fikk deg eller teamet ditt til å endre standpunkt. Hvilke data brukte du, og hva skjedde?',
          DA: 'Fortæl om en vigtig beslutning, hvor kundedata fik dig eller dit team til at skifte holdning. Hvilke data brugte du, og hvad skete der?',
          SV: 'Berätta om ett viktigt beslut där kunddata fick dig eller ditt team att ändra uppfattning. Vilka data använde du, och vad hände sedan?',
        },
        {
          EN: 'Tell me about a time someone in your organisation defended a practice with an assumption about customers. How did you find out whether it was true?',
          NB: 'Fortell om en gang noen i organisasjonen din forsvarte en praksis med en antakelse om kundene. Hvordan fant du ut om den stemte?',
          DA: 'Fortæl om en gang, hvor nogen i din organisation forsvarede en praksis med en antagelse om kunderne. Hvordan fandt du ud af, om den holdt?',
          SV: 'Berätta om ett tillfälle när någon i din organisation försvarade ett arbetssätt med ett antagande om kunderna. Hur tog du reda på om det stämde?',
        },
        {
          EN: 'Walk me through the customer and market facts you relied on the last time you set goals or strategy. What did you conclude, and what did you decide?',
          NB: 'Ta meg gjennom hvilke kunde- og markedsfakta du bygde på sist du satte mål eller la strategi. Hva konkluderte du med, og hva besluttet du?',
          DA: 'Tag mig igennem de kunde- og markedsfakta, du byggede på, sidst du satte mål eller lagde strategi. Hvad konkluderede du, og hvad besluttede du?',
          SV: 'Ta mig igenom vilka kund- och marknadsfakta du utgick från senast du satte mål eller strategi. Vilka slutsatser drog du, och vad beslutade du?',
        },
      ],
      anchors: [
        {
          EN: 'Decides on gut feeling, internal figures or the loudest opinion; cannot name concrete customer facts behind recent decisions, or dismisses data that contradicts their view.',
          NB: 'Beslutter på magefølelse, interne tall eller den høyeste stemmen i rommet; kan ikke vise til konkrete kundefakta bak nylige beslutninger, eller avfeier data som motsier eget syn.',
          DA: 'Beslutter ud fra mavefornemmelse, interne tal eller den, der råber højest; kan ikke pege på konkrete kundefakta bag nylige beslutninger eller afviser data, der modsiger egen opfattelse.',
          SV: 'Fattar beslut på magkänsla, interna siffror eller den som hörs mest; kan inte peka på konkreta kundfakta bakom nyliga beslut, eller viftar bort data som motsäger den egna uppfattningen.',
        },
        {
          EN: 'Refers to customer data in general terms (e.g. an annual satisfaction score) but rarely uses it to shape a decision; facts are collected by others and seldom analysed.',
          NB: 'Viser til kundedata i generelle vendinger, for eksempel en årlig tilfredshetsmåling, men bruker dem sjelden til å forme en beslutning; fakta samles inn av andre og analyseres lite.',
          DA: 'Henviser til kundedata i generelle vendinger, fx en årlig tilfredshedsmåling, men bruger dem sjældent til at forme en beslutning; fakta indsamles af andre og analyseres kun lidt.',
          SV: 'Hänvisar till kunddata i allmänna ordalag, till exempel en årlig nöjdhetsmätning, men använder dem sällan för att forma ett beslut; fakta samlas in av andra och analyseras knappt.',
        },
        {
          EN: 'Uses customer and market facts for major decisions and can give concrete examples, but the analysis is occasional and not yet built into how goals and priorities are set.',
          NB: 'Bruker kunde- og markedsfakta i større beslutninger og kan gi konkrete eksempler, men analysen skjer innimellom og er ennå ikke en fast del av hvordan mål og prioriteringer settes.',
          DA: 'Bruger kunde- og markedsfakta ved større beslutninger og kan give konkrete eksempler, men analysen sker lejlighedsvis og er endnu ikke en fast del af, hvordan mål og prioriteringer sættes.',
          SV: 'Använder kund- och marknadsfakta vid större beslut och kan ge konkreta exempel, men analysen sker sporadiskt och är ännu inte en självklar del av hur mål och prioriteringar sätts.',
        },
        {
          EN: 'Regularly combines several customer and market sources, challenges assumptions with facts and explains clearly to the team how the data led to the decision.',
          NB: 'Kombinerer jevnlig flere kilder om kunder og marked, utfordrer antakelser med fakta og forklarer teamet tydelig hvordan tallene ledet fram til beslutningen.',
          DA: 'Kombinerer løbende flere kilder om kunder og marked, udfordrer antagelser med fakta og forklarer tydeligt teamet, hvordan data førte frem til beslutningen.',
          SV: 'Kombinerar regelbundet flera källor om kunder och marknad, utmanar antaganden med fakta och förklarar tydligt för teamet hur underlaget ledde fram till beslutet.',
        },
        {
          EN: 'Has built a systematic insight practice (segments, touchpoint data, churn and loyalty figures) that drives goals, strategy and everyday decisions; can show decisions that were reversed because the facts said so, and the organisation understands the reasoning.',
          NB: 'Har bygd opp en systematisk innsiktspraksis – segmenter, data fra kontaktpunktene, frafall og lojalitet – som styrer mål, strategi og daglige beslutninger; kan vise til beslutninger som ble snudd fordi fakta tilsa det, og organisasjonen forstår begrunnelsen.',
          DA: 'Har opbygget en systematisk indsigtspraksis – segmenter, data fra kontaktpunkterne, kundeafgang og loyalitet – der styrer mål, strategi og daglige beslutninger; kan vise beslutninger, der blev vendt, fordi fakta talte for det, og organisationen forstår begrundelsen.',
          SV: 'Har byggt upp ett systematiskt arbete med kundinsikt – segment, data från kontaktpunkterna, kundbortfall och lojalitet – som styr mål, strategi och vardagliga beslut; kan visa beslut som ändrades för att fakta talade för det, och organisationen förstår varför.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'OUTSIDE_IN',
      name: {
        EN: "Outside-in: through the customer's eyes",
        NB: 'Utenfra og inn – med kundens øyne',
        DA: 'Udefra og ind – med kundens øjne',
        SV: 'Utifrån och in – med kundens ögon',
      },
      description: {
        EN: "Sees the business through the customer's eyes rather than from the inside out. Knows the many touchpoints, channels and moments that together make up the customer experience, and stays close to them personally.",
        NB: 'Ser virksomheten med kundens øyne, ikke innenfra og ut. Kjenner de mange kontaktpunktene, kanalene og møtene som til sammen utgjør kundeopplevelsen, og holder seg selv tett på dem.',
        DA: 'Ser virksomheden med kundens øjne frem for indefra og ud. Kender de mange kontaktpunkter, kanaler og møder, der tilsammen udgør kundeoplevelsen, og holder sig selv tæt på dem.',
        SV: 'Ser verksamheten med kundens ögon i stället för inifrån och ut. Känner till de många kontaktpunkter, kanaler och möten som tillsammans utgör kundupplevelsen och håller sig själv nära dem.',
      },
      indicators: [
        {
          EN: 'Can map the customer journey and name the key touchpoints, including small ones such as opening hours, phone queues and staffing over lunch.',
          NB: 'Kan tegne opp kundereisen og peke på de viktigste kontaktpunktene, også de små, som åpningstider, telefonkø og bemanning i lunsjen.',
          DA: 'Kan tegne kunderejsen op og pege på de vigtigste kontaktpunkter – også de små, som åbningstider, telefonkø og bemanding i frokostpausen.',
          SV: 'Kan rita upp kundresan och peka ut de viktigaste kontaktpunkterna, även de små, som öppettider, telefonkö och bemanning under lunchen.',
        },
        {
          EN: 'Regularly experiences the service first-hand: listens in on calls, spends time on the front line, buys or uses the product as a customer would.',
          NB: 'Opplever jevnlig tjenesten på egen kropp: lytter på samtaler, er ute i førstelinjen, kjøper eller bruker produktet slik en kunde ville gjort.',
          DA: 'Oplever jævnligt servicen på egen krop: lytter med på opkald, er ude i frontlinjen, køber eller bruger produktet, som en kunde ville gøre.',
          SV: 'Upplever regelbundet tjänsten själv: lyssnar på samtal, är ute i första linjen, köper eller använder produkten som en kund skulle göra.',
        },
        {
          EN: 'Questions internal routines that are convenient for the organisation but not for the customer.',
          NB: 'Stiller spørsmål ved interne rutiner som er praktiske for organisasjonen, men ikke for kunden.',
          DA: 'Sætter spørgsmålstegn ved interne rutiner, der er praktiske for organisationen, men ikke for kunden.',
          SV: 'Ifrågasätter interna rutiner som är bekväma för organisationen men inte för kunden.',
        },
        {
          EN: 'Describes the business in terms of customer needs and outcomes, not only products, processes and internal figures.',
          NB: 'Beskriver virksomheten ut fra kundenes behov og resultater, ikke bare produkter, prosesser og interne tall.',
          DA: 'Beskriver virksomheden ud fra kundernes behov og udbytte, ikke kun produkter, processer og interne tal.',
          SV: 'Beskriver verksamheten utifrån kundernas behov och resultat, inte bara produkter, processer och interna nyckeltal.',
        },
      ],
      questions: [
        {
          EN: "Tell me about the last time you experienced your own organisation's service the way a customer does. What did you notice, and what did you do about it?",
          NB: 'Fortell om siste gang du opplevde din egen organisasjons service slik en kunde gjør. Hva la du merke til, og hva gjorde du med det?',
          DA: 'Fortæl om sidste gang, du oplevede din egen organisations service, som en kunde gør. Hvad lagde du mærke til, og hvad gjorde du ved det?',
          SV: 'Berätta om senaste gången du upplevde din egen organisations service som en kund gör. Vad lade du märke till, och vad gjorde du åt det?',
        },
        {
          EN: 'Pick one important customer group. Walk me through their journey with your company and the touchpoints where you know you win or lose them.',
          NB: 'Velg en viktig kundegruppe. Ta meg gjennom kundereisen deres hos dere og kontaktpunktene der du vet at dere vinner eller mister dem.',
          DA: 'Vælg en vigtig kundegruppe. Tag mig igennem deres kunderejse hos jer og de kontaktpunkter, hvor du ved, at I vinder eller taber dem.',
          SV: 'Välj en viktig kundgrupp. Ta mig igenom deras kundresa hos er och de kontaktpunkter där du vet att ni vinner eller förlorar dem.',
        },
        {
          EN: 'Tell me about a time you changed an internal routine because it made sense for the organisation but not for the customer.',
          NB: 'Fortell om en gang du endret en intern rutine fordi den var fornuftig for organisasjonen, men ikke for kunden.',
          DA: 'Fortæl om en gang, hvor du ændrede en intern rutine, fordi den gav mening for organisationen, men ikke for kunden.',
          SV: 'Berätta om ett tillfälle när du ändrade en intern rutin för att den var vettig för organisationen men inte för kunden.',
        },
      ],
      anchors: [
        {
          EN: 'Describes the business only from the inside (products, processes, internal KPIs); is far from the customer experience and cannot say how customers actually meet the company.',
          NB: 'Beskriver virksomheten bare innenfra – produkter, prosesser, interne nøkkeltall; sitter langt fra kundeopplevelsen og kan ikke si hvordan kundene faktisk møter selskapet.',
          DA: 'Beskriver kun virksomheden indefra – produkter, processer, interne nøgletal; er langt fra kundeoplevelsen og kan ikke sige, hvordan kunderne faktisk møder virksomheden.',
          SV: 'Beskriver verksamheten enbart inifrån – produkter, processer, interna nyckeltal; står långt från kundupplevelsen och kan inte säga hur kunderna faktiskt möter företaget.',
        },
        {
          EN: 'Talks about putting the customer first but knows the touchpoints mainly from reports; rarely meets customers or the front line, and examples are second-hand.',
          NB: 'Snakker om å sette kunden først, men kjenner kontaktpunktene mest fra rapporter; møter sjelden kunder eller førstelinjen, og eksemplene er andrehånds.',
          DA: 'Taler om at sætte kunden først, men kender mest kontaktpunkterne fra rapporter; møder sjældent kunder eller frontlinjen, og eksemplerne er på anden hånd.',
          SV: 'Pratar om att sätta kunden först men känner mest till kontaktpunkterna via rapporter; träffar sällan kunder eller första linjen, och exemplen är i andra hand.',
        },
        {
          EN: "Knows the main touchpoints and has some first-hand contact with customers; takes the customer's view in major initiatives, less so in everyday routines and small details.",
          NB: 'Kjenner de viktigste kontaktpunktene og har en del direkte kontakt med kunder; tar kundens perspektiv i store initiativer, men i mindre grad i daglige rutiner og små detaljer.',
          DA: 'Kender de vigtigste kontaktpunkter og har en vis direkte kontakt med kunder; anlægger kundens perspektiv i større initiativer, men mindre i daglige rutiner og små detaljer.',
          SV: 'Känner till de viktigaste kontaktpunkterna och har en del direktkontakt med kunder; tar kundens perspektiv i större initiativ, men mindre i vardagliga rutiner och små detaljer.',
        },
        {
          EN: 'Regularly experiences the service first-hand, can walk through the customer journey in detail and has changed internal routines because they did not work for the customer.',
          NB: 'Opplever jevnlig tjenesten selv, kan gå gjennom kundereisen i detalj og har endret interne rutiner fordi de ikke fungerte for kunden.',
          DA: 'Oplever jævnligt servicen selv, kan gennemgå kunderejsen i detaljer og har ændret interne rutiner, fordi de ikke fungerede for kunden.',
          SV: 'Upplever regelbundet tjänsten själv, kan gå igenom kundresan i detalj och har ändrat interna rutiner för att de inte fungerade för kunden.',
        },
        {
          EN: 'Has made the outside-in view a habit of the whole leadership team: touchpoints are mapped and owned, leaders regularly meet customers and the front line, and decisions are routinely tested against how the customer will experience them.',
          NB: 'Har gjort det til en vane for hele ledergruppen å se virksomheten utenfra og inn: kontaktpunktene er kartlagt og har eiere, lederne møter kunder og førstelinje jevnlig, og beslutninger prøves rutinemessig mot hvordan kunden vil oppleve dem.',
          DA: 'Har gjort det til en vane i hele ledergruppen at se virksomheden udefra og ind: Kontaktpunkterne er kortlagt og har ejere, lederne møder jævnligt kunder og frontlinje, og beslutninger testes rutinemæssigt mod, hvordan kunden vil opleve dem.',
          SV: 'Har gjort det till en vana för hela ledningsgruppen att se verksamheten utifrån och in: kontaktpunkterna är kartlagda och har ägare, cheferna träffar regelbundet kunder och första linjen, och beslut prövas rutinmässigt mot hur kunden kommer att uppleva dem.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'FORESIGHT',
      name: {
        EN: 'Foresight and renewal',
        NB: 'Fremsyn og fornyelse',
        DA: 'Fremsynethed og fornyelse',
        SV: 'Framsynthet och förnyelse',
      },
      description: {
        EN: 'Looks ahead, analyses trends in customer behaviour, markets and technology, and is willing to test new solutions that strengthen the customer experience and customer relationships before competitors force the change.',
        NB: 'Ser framover, analyserer utviklingen i kundeadferd, marked og teknologi, og er villig til å teste nye løsninger som styrker kundeopplevelsen og kunderelasjonene – før konkurrentene tvinger fram endringen.',
        DA: 'Ser fremad, analyserer udviklingen i kundeadfærd, marked og teknologi og er villig til at afprøve nye løsninger, der styrker kundeoplevelsen og kunderelationerne – før konkurrenterne tvinger forandringen igennem.',
        SV: 'Blickar framåt, analyserar utvecklingen i kundbeteende, marknad och teknik och är beredd att testa nya lösningar som stärker kundupplevelsen och kundrelationerna – innan konkurrenterna tvingar fram förändringen.',
      },
      indicators: [
        {
          EN: 'Follows and interprets trends in customer expectations, channels and technology, and can say what they mean for their own customers.',
          NB: 'Følger med på og tolker trender i kundeforventninger, kanaler og teknologi, og kan si hva de betyr for egne kunder.',
          DA: 'Følger med i og fortolker tendenser i kundeforventninger, kanaler og teknologi og kan sige, hvad de betyder for egne kunder.',
          SV: 'Följer och tolkar trender i kundernas förväntningar, kanaler och teknik och kan säga vad de betyder för de egna kunderna.',
        },
        {
          EN: 'Initiates small, controlled pilots of new solutions or technology before committing at scale.',
          NB: 'Tar initiativ til små, kontrollerte piloter av nye løsninger eller ny teknologi før det satses i stor skala.',
          DA: 'Tager initiativ til små, kontrollerede pilotforsøg med nye løsninger eller ny teknologi, før der satses i stor skala.',
          SV: 'Tar initiativ till små, kontrollerade piloter med nya lösningar eller ny teknik innan man satsar i stor skala.',
        },
        {
          EN: 'Judges new technology by what it does for the customer experience, not by novelty or internal cost savings alone.',
          NB: 'Vurderer ny teknologi ut fra hva den gjør for kundeopplevelsen, ikke bare ut fra nyhetsverdi eller interne kostnadskutt.',
          DA: 'Vurderer ny teknologi ud fra, hvad den gør for kundeoplevelsen, ikke kun ud fra nyhedsværdi eller interne besparelser.',
          SV: 'Bedömer ny teknik utifrån vad den gör för kundupplevelsen, inte bara utifrån nyhetsvärde eller interna besparingar.',
        },
        {
          EN: 'Renews products, concepts and service models over time rather than defending what worked yesterday.',
          NB: 'Fornyer produkter, konsepter og servicemodeller over tid i stedet for å forsvare det som fungerte i går.',
          DA: 'Fornyer produkter, koncepter og servicemodeller over tid i stedet for at forsvare det, der virkede i går.',
          SV: 'Förnyar produkter, koncept och servicemodeller över tid i stället för att försvara det som fungerade i går.',
        },
      ],
      questions: [
        {
          EN: 'Tell me about a trend in customer behaviour or technology that you spotted early. What did you do about it, and what was the result?',
          NB: 'Fortell om en trend i kundeadferd eller teknologi som du fanget opp tidlig. Hva gjorde du med den, og hva ble resultatet?',
          DA: 'Fortæl om en tendens i kundeadfærd eller teknologi, som du opfangede tidligt. Hvad gjorde du ved den, og hvad blev resultatet?',
          SV: 'Berätta om en trend i kundbeteende eller teknik som du fångade upp tidigt. Vad gjorde du med den, och vad blev resultatet?',
        },
        {
          EN: 'Tell me about a time you tested a new solution or technology to improve the customer experience. How did you set up the test, and how did you decide whether to scale it?',
          NB: 'Fortell om en gang du testet en ny løsning eller teknologi for å forbedre kundeopplevelsen. Hvordan la du opp testen, og hvordan avgjorde du om den skulle skaleres opp?',
          DA: 'Fortæl om en gang, hvor du afprøvede en ny løsning eller teknologi for at forbedre kundeoplevelsen. Hvordan tilrettelagde du testen, og hvordan besluttede du, om den skulle rulles ud?',
          SV: 'Berätta om ett tillfälle när du testade en ny lösning eller teknik för att förbättra kundupplevelsen. Hur lade du upp testet, och hur avgjorde du om den skulle skalas upp?',
        },
        {
          EN: 'Tell me about a new idea you chose not to pursue, or stopped after testing it. What made you decide?',
          NB: 'Fortell om en ny idé du valgte ikke å gå videre med, eller stanset etter å ha testet den. Hva gjorde utslaget?',
          DA: 'Fortæl om en ny idé, som du valgte ikke at gå videre med eller stoppede efter en test. Hvad var udslagsgivende?',
          SV: 'Berätta om en ny idé som du valde att inte gå vidare med, eller stoppade efter ett test. Vad fick dig att bestämma dig?',
        },
      ],
      anchors: [
        {
          EN: "Focuses on today's operations and defends existing solutions; dismisses new customer trends or technology as hype and has no examples of testing anything new.",
          NB: 'Er opptatt av dagens drift og forsvarer eksisterende løsninger; avfeier nye kundetrender eller ny teknologi som hype og har ingen eksempler på å ha testet noe nytt.',
          DA: 'Er optaget af den daglige drift og forsvarer eksisterende løsninger; afviser nye kundetendenser eller ny teknologi som hype og har ingen eksempler på at have afprøvet noget nyt.',
          SV: 'Är upptagen av dagens drift och försvarar befintliga lösningar; avfärdar nya kundtrender eller ny teknik som hype och har inga exempel på att ha testat något nytt.',
        },
        {
          EN: 'Is aware of trends in general terms but reacts late, usually when competitors or customers force a change; new technology is adopted for internal reasons rather than for the customer.',
          NB: 'Kjenner til trender i generelle vendinger, men reagerer sent, gjerne når konkurrenter eller kunder tvinger fram en endring; ny teknologi tas i bruk av interne grunner snarere enn for kundens skyld.',
          DA: 'Kender til tendenser i generelle vendinger, men reagerer sent, typisk når konkurrenter eller kunder tvinger en forandring igennem; ny teknologi indføres af interne grunde snarere end for kundens skyld.',
          SV: 'Känner till trender i allmänna ordalag men reagerar sent, oftast när konkurrenter eller kunder tvingar fram en förändring; ny teknik införs av interna skäl snarare än för kundens skull.',
        },
        {
          EN: 'Follows relevant trends and has tested some new solutions to improve the customer experience, but testing is ad hoc and the link from trend to customer value is not always explicit.',
          NB: 'Følger med på relevante trender og har testet enkelte nye løsninger for å bedre kundeopplevelsen, men testingen er tilfeldig, og koblingen fra trend til kundeverdi er ikke alltid tydelig.',
          DA: 'Følger med i relevante tendenser og har afprøvet enkelte nye løsninger for at forbedre kundeoplevelsen, men afprøvningen er tilfældig, og koblingen fra tendens til kundeværdi er ikke altid tydelig.',
          SV: 'Följer relevanta trender och har testat enstaka nya lösningar för att förbättra kundupplevelsen, men testandet är sporadiskt och kopplingen från trend till kundvärde är inte alltid tydlig.',
        },
        {
          EN: 'Anticipates shifts in customer expectations, runs structured pilots of new solutions or technology and scales or stops them based on the effect on customers.',
          NB: 'Forutser endringer i kundenes forventninger, gjennomfører strukturerte piloter av nye løsninger eller ny teknologi, og skalerer opp eller avslutter dem ut fra effekten for kundene.',
          DA: 'Forudser ændringer i kundernes forventninger, gennemfører strukturerede pilotforsøg med nye løsninger eller ny teknologi og skalerer eller stopper dem ud fra effekten for kunderne.',
          SV: 'Förutser förändringar i kundernas förväntningar, genomför strukturerade piloter med nya lösningar eller ny teknik och skalar upp eller avbryter dem utifrån effekten för kunderna.',
        },
        {
          EN: 'Has made renewal a discipline: trends are analysed regularly, customer-experience experiments are always running, and the organisation has a track record of being early with solutions customers value.',
          NB: 'Har gjort fornyelse til en disiplin: trender analyseres jevnlig, det pågår hele tiden forsøk med kundeopplevelsen, og organisasjonen har vist over tid at den er tidlig ute med løsninger kundene verdsetter.',
          DA: 'Har gjort fornyelse til en disciplin: Tendenser analyseres løbende, der kører hele tiden forsøg med kundeoplevelsen, og organisationen har over tid vist, at den er tidligt ude med løsninger, som kunderne værdsætter.',
          SV: 'Har gjort förnyelse till en disciplin: trender analyseras regelbundet, försök med kundupplevelsen pågår hela tiden, och organisationen har över tid visat att den ligger tidigt ute med lösningar som kunderna uppskattar.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'SERVICE_CULTURE',
      name: {
        EN: 'Performance and service culture',
        NB: 'Prestasjons- og servicekultur',
        DA: 'Præstations- og servicekultur',
        SV: 'Prestations- och servicekultur',
      },
      description: {
        EN: 'Builds a culture where customer focus shapes the whole company from top to bottom. Involves employees through information and change processes so that each person understands their role in the customer experience and has goals and commitments that contribute to shared results.',
        NB: 'Bygger en kultur der kundefokus preger hele virksomheten fra topp til bunn. Involverer medarbeiderne gjennom informasjon og endringsprosesser, slik at hver enkelt forstår sin rolle i kundeopplevelsen og har mål og forpliktelser som bidrar til felles resultater.',
        DA: 'Opbygger en kultur, hvor kundefokus præger hele virksomheden fra top til bund. Involverer medarbejderne gennem information og forandringsprocesser, så hver enkelt forstår sin rolle i kundeoplevelsen og har mål og forpligtelser, der bidrager til fælles resultater.',
        SV: 'Bygger en kultur där kundfokus präglar hela verksamheten från topp till botten. Involverar medarbetarna genom information och förändringsarbete så att var och en förstår sin roll i kundupplevelsen och har mål och åtaganden som bidrar till gemensamma resultat.',
      },
      indicators: [
        {
          EN: 'Shares customer insight openly, so that employees understand why customer focus matters and what is expected of them.',
          NB: 'Deler kundeinnsikt åpent, slik at medarbeiderne forstår hvorfor kundefokus er viktig og hva som forventes av dem.',
          DA: 'Deler kundeindsigt åbent, så medarbejderne forstår, hvorfor kundefokus er vigtigt, og hvad der forventes af dem.',
          SV: 'Delar kundinsikt öppet så att medarbetarna förstår varför kundfokus är viktigt och vad som förväntas av dem.',
        },
        {
          EN: 'Makes sure every employee, including internal service functions such as IT, can explain their own part in the customer experience.',
          NB: 'Sørger for at hver medarbeider, også i interne støttefunksjoner som IT, kan forklare sin egen del av kundeopplevelsen.',
          DA: 'Sørger for, at hver medarbejder – også i interne servicefunktioner som it – kan forklare sin egen del af kundeoplevelsen.',
          SV: 'Ser till att varje medarbetare, även i interna stödfunktioner som IT, kan förklara sin egen del i kundupplevelsen.',
        },
        {
          EN: 'Sets individual development goals and commitments that are linked to customer outcomes and shared results.',
          NB: 'Setter individuelle utviklingsmål og forpliktelser som er knyttet til kunderesultater og felles mål.',
          DA: 'Sætter individuelle udviklingsmål og forpligtelser, der er knyttet til kunderesultater og fælles mål.',
          SV: 'Sätter individuella utvecklingsmål och åtaganden som är kopplade till kundresultat och gemensamma mål.',
        },
        {
          EN: 'Develops managers before or alongside front-line staff, so that service training actually changes behaviour.',
          NB: 'Utvikler lederne før eller sammen med førstelinjen, slik at serviceopplæring faktisk endrer adferd.',
          DA: 'Uddanner lederne før eller sammen med frontmedarbejderne, så serviceuddannelse rent faktisk ændrer adfærd.',
          SV: 'Utbildar cheferna före eller tillsammans med medarbetarna närmast kund, så att serviceutbildning faktiskt leder till ändrat beteende.',
        },
      ],
      questions: [
        {
          EN: 'Tell me about a time you set out to strengthen the service culture in a unit. What did you do, how did you involve employees, and what changed for customers?',
          NB: 'Fortell om en gang du gikk inn for å styrke servicekulturen i en enhet. Hva gjorde du, hvordan involverte du medarbeiderne, og hva ble annerledes for kundene?',
          DA: 'Fortæl om en gang, hvor du satte dig for at styrke servicekulturen i en enhed. Hvad gjorde du, hvordan involverede du medarbejderne, og hvad ændrede sig for kunderne?',
          SV: 'Berätta om ett tillfälle när du bestämde dig för att stärka servicekulturen i en enhet. Vad gjorde du, hur involverade du medarbetarna, och vad blev annorlunda för kunderna?',
        },
        {
          EN: 'Tell me how you helped a team far from the customer, for example IT or finance, understand its part in the customer experience.',
          NB: 'Fortell hvordan du har hjulpet et team langt fra kunden, for eksempel IT eller økonomi, å forstå sin del av kundeopplevelsen.',
          DA: 'Fortæl, hvordan du har hjulpet et team langt fra kunden, fx it eller økonomi, med at forstå sin del af kundeoplevelsen.',
          SV: 'Berätta hur du har hjälpt ett team långt från kunden, till exempel IT eller ekonomi, att förstå sin del i kundupplevelsen.',
        },
        {
          EN: "Tell me about a time an employee's goals pulled against what customers needed. How did you notice, and what did you do?",
          NB: 'Fortell om en gang en medarbeiders mål trakk i motsatt retning av det kundene trengte. Hvordan oppdaget du det, og hva gjorde du?',
          DA: 'Fortæl om en gang, hvor en medarbejders mål trak i modsat retning af det, kunderne havde brug for. Hvordan opdagede du det, og hvad gjorde du?',
          SV: 'Berätta om ett tillfälle när en medarbetares mål drog åt ett annat håll än det kunderna behövde. Hur märkte du det, och vad gjorde du?',
        },
      ],
      anchors: [
        {
          EN: "Treats service as the front line's job; customer focus is not part of goals or conversations with employees, and many staff could not say how their work affects customers.",
          NB: 'Ser på service som førstelinjens ansvar; kundefokus er ikke en del av mål eller samtaler med medarbeiderne, og mange ansatte kan ikke si hvordan jobben deres påvirker kundene.',
          DA: 'Betragter service som frontlinjens opgave; kundefokus indgår ikke i mål eller samtaler med medarbejderne, og mange ansatte kan ikke sige, hvordan deres arbejde påvirker kunderne.',
          SV: 'Ser service som första linjens uppgift; kundfokus ingår inte i mål eller samtal med medarbetarna, och många anställda kan inte säga hur deras arbete påverkar kunderna.',
        },
        {
          EN: 'Communicates service values through slogans or one-off campaigns (e.g. a training day for front-line staff only) without involving managers or following up, so little changes.',
          NB: 'Kommuniserer serviceverdier gjennom slagord eller enkeltkampanjer – for eksempel en kursdag bare for førstelinjen – uten å involvere lederne eller følge opp, så lite endrer seg.',
          DA: 'Kommunikerer serviceværdier gennem slogans eller enkeltstående kampagner – fx en kursusdag kun for frontmedarbejderne – uden at involvere lederne eller følge op, så meget lidt ændrer sig.',
          SV: 'Kommunicerar servicevärderingar genom slagord eller enstaka kampanjer – till exempel en utbildningsdag enbart för första linjen – utan att involvera cheferna eller följa upp, så lite förändras.',
        },
        {
          EN: 'Shares customer information with the team and involves employees in some improvement work; customer-facing staff know their role, but support functions and individual goals are only partly connected.',
          NB: 'Deler kundeinformasjon med teamet og involverer medarbeiderne i noe forbedringsarbeid; de kundevendte kjenner sin rolle, men støttefunksjoner og individuelle mål er bare delvis koblet på.',
          DA: 'Deler kundeinformation med teamet og involverer medarbejderne i noget forbedringsarbejde; de kundevendte medarbejdere kender deres rolle, men støttefunktioner og individuelle mål er kun delvist koblet på.',
          SV: 'Delar kundinformation med teamet och involverar medarbetarna i visst förbättringsarbete; de kundnära medarbetarna känner sin roll, men stödfunktioner och individuella mål är bara delvis kopplade.',
        },
        {
          EN: 'Involves employees in change processes based on customer insight, links individual goals to customer outcomes and develops managers alongside staff; most employees can explain their part.',
          NB: 'Involverer medarbeiderne i endringsprosesser basert på kundeinnsikt, knytter individuelle mål til kunderesultater og utvikler lederne sammen med de ansatte; de fleste kan forklare sin del.',
          DA: 'Involverer medarbejderne i forandringsprocesser baseret på kundeindsigt, knytter individuelle mål til kunderesultater og udvikler lederne sammen med medarbejderne; de fleste kan forklare deres del.',
          SV: 'Involverar medarbetarna i förändringsarbete som bygger på kundinsikt, kopplar individuella mål till kundresultat och utvecklar cheferna tillsammans med medarbetarna; de flesta kan förklara sin del.',
        },
        {
          EN: 'Has built a culture where customer focus runs from the top into every function: each employee has goals and commitments tied to the customer, managers at all levels coach on it, and the culture shows in measurable customer results.',
          NB: 'Har bygd en kultur der kundefokus går fra toppen og ut i hver funksjon: hver medarbeider har mål og forpliktelser knyttet til kunden, ledere på alle nivåer følger opp og coacher på det, og kulturen gir målbare kunderesultater.',
          DA: 'Har opbygget en kultur, hvor kundefokus går fra toppen og ud i hver funktion: Hver medarbejder har mål og forpligtelser knyttet til kunden, ledere på alle niveauer følger op og coacher på det, og kulturen ses i målbare kunderesultater.',
          SV: 'Har byggt en kultur där kundfokus går från toppen ut i varje funktion: varje medarbetare har mål och åtaganden kopplade till kunden, chefer på alla nivåer följer upp och coachar kring det, och kulturen syns i mätbara kundresultat.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'EXECUTION',
      name: {
        EN: 'Decisiveness and execution',
        NB: 'Beslutningsevne og gjennomføringskraft',
        DA: 'Beslutsomhed og gennemførelseskraft',
        SV: 'Beslutsamhet och genomförandekraft',
      },
      description: {
        EN: "Makes timely decisions, including tough ones, and drives customer initiatives through to results. Raises the organisation's capacity to execute, creating momentum and enthusiasm while holding people to what was agreed.",
        NB: 'Tar beslutninger i tide, også de tøffe, og driver kundetiltak helt fram til resultater. Øker gjennomføringskraften i organisasjonen og skaper fremdrift og entusiasme, samtidig som folk holdes ansvarlige for det som er avtalt.',
        DA: 'Træffer beslutninger i tide, også de svære, og driver kundeinitiativer helt i mål. Øger organisationens gennemførelseskraft og skaber fremdrift og begejstring, samtidig med at folk holdes op på det aftalte.',
        SV: 'Fattar beslut i tid, även de tuffa, och driver kundinitiativ ända fram till resultat. Ökar organisationens genomförandekraft och skapar fart och entusiasm, samtidigt som människor hålls ansvariga för det som har överenskommits.',
      },
      indicators: [
        {
          EN: 'Makes decisions when the facts are good enough instead of waiting for certainty, and communicates them clearly.',
          NB: 'Tar beslutninger når faktagrunnlaget er godt nok, i stedet for å vente på full sikkerhet, og kommuniserer dem tydelig.',
          DA: 'Træffer beslutninger, når faktagrundlaget er godt nok, i stedet for at vente på fuld sikkerhed, og kommunikerer dem tydeligt.',
          SV: 'Fattar beslut när underlaget är tillräckligt bra i stället för att vänta på full säkerhet och kommunicerar dem tydligt.',
        },
        {
          EN: 'Turns strategy into concrete actions with owners, deadlines and follow-up.',
          NB: 'Gjør strategi om til konkrete tiltak med ansvarlige, frister og oppfølging.',
          DA: 'Omsætter strategi til konkrete handlinger med ansvarlige, deadlines og opfølgning.',
          SV: 'Omsätter strategi i konkreta åtgärder med ansvariga, tidsgränser och uppföljning.',
        },
        {
          EN: 'Balances cost pressure against customer satisfaction, and can take tough decisions while keeping people engaged.',
          NB: 'Balanserer kostnadspress mot kundetilfredshet, og kan ta tøffe beslutninger samtidig som folk holdes engasjerte.',
          DA: 'Afvejer omkostningspres over for kundetilfredshed og kan træffe svære beslutninger og samtidig holde folk engagerede.',
          SV: 'Väger kostnadstryck mot kundnöjdhet och kan fatta tuffa beslut och samtidigt behålla människors engagemang.',
        },
        {
          EN: 'Removes obstacles and reallocates resources so that customer initiatives are completed rather than left half-done.',
          NB: 'Rydder hindringer av veien og omfordeler ressurser slik at kundetiltak blir fullført, ikke blir liggende halvferdige.',
          DA: 'Rydder forhindringer af vejen og omfordeler ressourcer, så kundeinitiativer bliver gennemført og ikke efterlades halvfærdige.',
          SV: 'Röjer undan hinder och omfördelar resurser så att kundinitiativ slutförs i stället för att bli liggande halvfärdiga.',
        },
      ],
      questions: [
        {
          EN: 'Tell me about a customer initiative you drove from decision to measurable result. What stood in the way, and how did you keep it moving?',
          NB: 'Fortell om et kundetiltak du drev fra beslutning til målbart resultat. Hva sto i veien, og hvordan holdt du fremdriften oppe?',
          DA: 'Fortæl om et kundeinitiativ, du drev fra beslutning til målbart resultat. Hvad stod i vejen, og hvordan holdt du fremdriften?',
          SV: 'Berätta om ett kundinitiativ som du drev från beslut till mätbart resultat. Vad stod i vägen, och hur höll du farten uppe?',
        },
        {
          EN: 'Tell me about a tough decision you had to make under pressure to cut costs while keeping customers satisfied. How did you decide, and how did you bring people along?',
          NB: 'Fortell om en tøff beslutning du måtte ta under press for å kutte kostnader og samtidig holde kundene fornøyde. Hvordan bestemte du deg, og hvordan fikk du med deg folk?',
          DA: 'Fortæl om en svær beslutning, du skulle træffe under pres for at spare og samtidig holde kunderne tilfredse. Hvordan besluttede du dig, og hvordan fik du folk med?',
          SV: 'Berätta om ett tufft beslut du behövde fatta under press att sänka kostnaderna och samtidigt hålla kunderna nöjda. Hur bestämde du dig, och hur fick du med dig människorna?',
        },
        {
          EN: 'Tell me about an initiative of yours that stalled. What did you do when you noticed, and what was the outcome?',
          NB: 'Fortell om et av tiltakene dine som stoppet opp. Hva gjorde du da du oppdaget det, og hva ble utfallet?',
          DA: 'Fortæl om et af dine initiativer, der gik i stå. Hvad gjorde du, da du opdagede det, og hvad blev udfaldet?',
          SV: 'Berätta om ett av dina initiativ som gick i stå. Vad gjorde du när du märkte det, och hur gick det?',
        },
      ],
      anchors: [
        {
          EN: 'Postpones or avoids decisions, lets initiatives drift without owners or follow-up, and explains missed results with external circumstances.',
          NB: 'Utsetter eller unngår beslutninger, lar tiltak drive uten eiere eller oppfølging, og forklarer uteblitte resultater med ytre forhold.',
          DA: 'Udskyder eller undgår beslutninger, lader initiativer flyde uden ejere eller opfølgning og forklarer udeblevne resultater med ydre omstændigheder.',
          SV: 'Skjuter upp eller undviker beslut, låter initiativ flyta utan ägare eller uppföljning och förklarar uteblivna resultat med yttre omständigheter.',
        },
        {
          EN: 'Makes decisions, but slowly or only when pushed; starts initiatives with energy but many are left half-finished, and follow-up is irregular.',
          NB: 'Tar beslutninger, men sent eller først når det blir press; starter tiltak med energi, men mange blir liggende halvferdige, og oppfølgingen er ujevn.',
          DA: 'Træffer beslutninger, men langsomt eller først under pres; starter initiativer med energi, men mange bliver halvfærdige, og opfølgningen er uregelmæssig.',
          SV: 'Fattar beslut, men långsamt eller först under press; drar i gång initiativ med energi, men många blir halvfärdiga och uppföljningen är ojämn.',
        },
        {
          EN: 'Decides in reasonable time and delivers most initiatives with clear owners and deadlines, but momentum depends on their personal involvement and drops when they step back.',
          NB: 'Beslutter innen rimelig tid og gjennomfører de fleste tiltak med tydelige ansvarlige og frister, men fremdriften avhenger av egen innsats og faller når vedkommende trekker seg tilbake.',
          DA: 'Beslutter inden for rimelig tid og gennemfører de fleste initiativer med tydelige ansvarlige og deadlines, men fremdriften afhænger af egen indsats og falder, når vedkommende træder et skridt tilbage.',
          SV: 'Beslutar inom rimlig tid och genomför de flesta initiativ med tydliga ansvariga och tidsgränser, men farten hänger på det egna engagemanget och sjunker när hen kliver åt sidan.',
        },
        {
          EN: 'Takes tough decisions on a sound factual basis, communicates them clearly and follows through; initiatives reach measurable customer results and people stay engaged.',
          NB: 'Tar tøffe beslutninger på et solid faktagrunnlag, kommuniserer dem tydelig og følger dem til dørs; tiltakene gir målbare kunderesultater, og folk holder seg engasjerte.',
          DA: 'Træffer svære beslutninger på et solidt faktagrundlag, kommunikerer dem tydeligt og følger dem til dørs; initiativerne giver målbare kunderesultater, og folk forbliver engagerede.',
          SV: 'Fattar tuffa beslut på ett stabilt faktaunderlag, kommunicerar dem tydligt och följer dem hela vägen; initiativen ger mätbara kundresultat och människor behåller engagemanget.',
        },
        {
          EN: 'Has raised the execution capacity of the whole organisation: decisions are made quickly and at the right level, priorities are clear, follow-up is routine, and they can show customer initiatives delivered on time with visible results.',
          NB: 'Har økt gjennomføringskraften i hele organisasjonen: beslutninger tas raskt og på riktig nivå, prioriteringene er tydelige, oppfølging er rutine, og vedkommende kan vise til kundetiltak levert i tide med synlige resultater.',
          DA: 'Har øget gennemførelseskraften i hele organisationen: Beslutninger træffes hurtigt og på rette niveau, prioriteringerne er klare, opfølgning er rutine, og vedkommende kan dokumentere kundeinitiativer leveret til tiden med synlige resultater.',
          SV: 'Har ökat genomförandekraften i hela organisationen: beslut fattas snabbt och på rätt nivå, prioriteringarna är tydliga, uppföljning är rutin, och hen kan visa på kundinitiativ som levererats i tid med synliga resultat.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'LEADS_BY_EXAMPLE',
      name: {
        EN: 'Leads by example',
        NB: 'Går foran og viser vei',
        DA: 'Går forrest og viser vejen',
        SV: 'Föregår med gott exempel',
      },
      description: {
        EN: 'Practises close, active leadership and shows through their own actions that customers come first. Does what they ask of others, goes first when something new is expected, and gives customer work full support and priority.',
        NB: 'Utøver nær og aktiv ledelse og viser gjennom egne handlinger at kundene kommer først. Gjør selv det som kreves av andre, går først når noe nytt forventes, og gir kundearbeidet full støtte og prioritet.',
        DA: 'Udøver nær og aktiv ledelse og viser gennem egne handlinger, at kunderne kommer først. Gør selv det, der kræves af andre, går forrest, når der forventes noget nyt, og giver kundearbejdet fuld opbakning og prioritet.',
        SV: 'Utövar ett nära och aktivt ledarskap och visar genom sitt eget agerande att kunderna kommer först. Gör själv det som krävs av andra, går först när något nytt förväntas och ger kundarbetet fullt stöd och prioritet.',
      },
      indicators: [
        {
          EN: 'Is visible where customers are served, and takes part personally in key customer meetings and sales work when it matters.',
          NB: 'Er synlig der kundene betjenes, og deltar selv i viktige kundemøter og i salgsarbeidet når det gjelder.',
          DA: 'Er synlig der, hvor kunderne betjenes, og deltager selv i vigtige kundemøder og i salgsarbejdet, når det gælder.',
          SV: 'Är synlig där kunderna får service och deltar själv i viktiga kundmöten och i säljarbetet när det gäller.',
        },
        {
          EN: 'Keeps their word: personally follows what employees are asked to do, also when it is inconvenient.',
          NB: 'Står ved det som er sagt: følger selv det medarbeiderne blir bedt om, også når det er ubeleilig.',
          DA: 'Står ved sine ord: følger selv det, medarbejderne bliver bedt om, også når det er ubelejligt.',
          SV: 'Står för sina ord: följer själv det som medarbetarna ombeds göra, även när det är obekvämt.',
        },
        {
          EN: 'Goes first in new customer initiatives, for example by joining the training or taking customer calls before asking others to.',
          NB: 'Går først i nye kundetiltak, for eksempel ved selv å delta på opplæringen eller ta kundesamtaler før andre blir bedt om det.',
          DA: 'Går forrest i nye kundeinitiativer, fx ved selv at deltage i uddannelsen eller tage kundeopkald, før andre bliver bedt om det.',
          SV: 'Går först i nya kundinitiativ, till exempel genom att själv gå utbildningen eller ta kundsamtal innan andra ombeds göra det.',
        },
        {
          EN: 'Uses feedback and recognition to turn more employees into role models in customer service.',
          NB: 'Bruker tilbakemeldinger og anerkjennelse for å gjøre flere medarbeidere til forbilder i kundemøtet.',
          DA: 'Bruger feedback og anerkendelse til at gøre flere medarbejdere til forbilleder i kundemødet.',
          SV: 'Använder feedback och uppskattning för att få fler medarbetare att bli föredömen i kundmötet.',
        },
      ],
      questions: [
        {
          EN: 'Tell me about a time you asked your team to change how they treat customers. What did you change in your own behaviour first?',
          NB: 'Fortell om en gang du ba teamet ditt endre hvordan de møter kundene. Hva endret du først i din egen adferd?',
          DA: 'Fortæl om en gang, hvor du bad dit team ændre den måde, de møder kunderne på. Hvad ændrede du først i din egen adfærd?',
          SV: 'Berätta om ett tillfälle när du bad ditt team ändra hur de möter kunderna. Vad ändrade du först i ditt eget beteende?',
        },
        {
          EN: 'How much of your calendar last month went to customers and the front line? Tell me about one of those occasions and what came out of it.',
          NB: 'Hvor mye av kalenderen din forrige måned gikk til kunder og førstelinjen? Fortell om én av disse anledningene og hva som kom ut av den.',
          DA: 'Hvor meget af din kalender gik sidste måned til kunder og frontlinjen? Fortæl om en af de lejligheder, og hvad der kom ud af den.',
          SV: 'Hur stor del av din kalender gick förra månaden till kunder och första linjen? Berätta om ett av de tillfällena och vad det ledde till.',
        },
        {
          EN: 'Tell me about a time you realised you were not living up to your own message about customers. What did you do?',
          NB: 'Fortell om en gang du innså at du ikke selv levde opp til ditt eget budskap om kundene. Hva gjorde du?',
          DA: 'Fortæl om en gang, hvor du indså, at du ikke selv levede op til dit eget budskab om kunderne. Hvad gjorde du?',
          SV: 'Berätta om ett tillfälle när du insåg att du inte själv levde som du lärde när det gällde kunderna. Vad gjorde du?',
        },
      ],
      anchors: [
        {
          EN: 'Is distant from customers and the front line; says customers are important, but own priorities, calendar and decisions show otherwise, and asks of others what they do not do themselves.',
          NB: 'Er fjern fra kundene og førstelinjen; sier at kundene er viktige, men egne prioriteringer, kalender og beslutninger viser noe annet, og krever av andre det vedkommende ikke gjør selv.',
          DA: 'Er fjern fra kunderne og frontlinjen; siger, at kunderne er vigtige, men egne prioriteringer, kalender og beslutninger viser noget andet, og kræver af andre, hvad vedkommende ikke selv gør.',
          SV: 'Står långt från kunderna och första linjen; säger att kunderna är viktiga, men de egna prioriteringarna, kalendern och besluten visar något annat, och kräver av andra det hen inte själv gör.',
        },
        {
          EN: 'Shows up at customer events and launches but leaves daily customer work to others; messages about customers are not matched by consistent follow-up.',
          NB: 'Dukker opp på kundearrangementer og lanseringer, men overlater det daglige kundearbeidet til andre; budskapene om kundene følges ikke opp konsekvent.',
          DA: 'Dukker op til kundearrangementer og lanceringer, men overlader det daglige kundearbejde til andre; budskaberne om kunderne følges ikke konsekvent op.',
          SV: 'Dyker upp på kundevenemang och lanseringar men lämnar det dagliga kundarbetet åt andra; budskapen om kunderna följs inte upp konsekvent.',
        },
        {
          EN: 'Is reasonably visible and accessible, takes part in important customer situations and mostly does what they ask of others, but goes first only in some initiatives.',
          NB: 'Er rimelig synlig og tilgjengelig, deltar i viktige kundesituasjoner og gjør stort sett selv det som kreves av andre, men går bare først i enkelte tiltak.',
          DA: 'Er rimeligt synlig og tilgængelig, deltager i vigtige kundesituationer og gør for det meste selv det, der kræves af andre, men går kun forrest i enkelte initiativer.',
          SV: 'Är någorlunda synlig och tillgänglig, deltar i viktiga kundsituationer och gör för det mesta själv det som krävs av andra, men går bara först i vissa initiativ.',
        },
        {
          EN: 'Spends regular, planned time with customers and the front line, consistently does what they ask of others and goes first in new customer initiatives; employees can give concrete examples.',
          NB: 'Bruker fast, planlagt tid med kunder og førstelinje, gjør konsekvent selv det som kreves av andre og går først i nye kundetiltak; medarbeiderne kan gi konkrete eksempler.',
          DA: 'Bruger fast, planlagt tid sammen med kunder og frontlinje, gør konsekvent selv det, der kræves af andre, og går forrest i nye kundeinitiativer; medarbejderne kan give konkrete eksempler.',
          SV: 'Lägger regelbunden, planerad tid på kunder och första linjen, gör konsekvent själv det som krävs av andra och går först i nya kundinitiativ; medarbetarna kan ge konkreta exempel.',
        },
        {
          EN: 'Is a recognised role model for customer focus: close and active in daily work, gives customer initiatives full priority, and systematically develops managers and employees into role models in turn.',
          NB: 'Er et anerkjent forbilde for kundefokus: tett på og aktiv i det daglige, gir kundetiltak full prioritet og utvikler systematisk ledere og medarbeidere til å bli forbilder selv.',
          DA: 'Er et anerkendt forbillede for kundefokus: tæt på og aktiv i hverdagen, giver kundeinitiativer fuld prioritet og udvikler systematisk ledere og medarbejdere til selv at blive forbilleder.',
          SV: 'Är ett erkänt föredöme för kundfokus: nära och aktiv i vardagen, ger kundinitiativ full prioritet och utvecklar systematiskt chefer och medarbetare till att själva bli föredömen.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'ACTS_ON_GAPS',
      name: {
        EN: 'Acts on service gaps',
        NB: 'Tar tak i servicesvikt',
        DA: 'Handler på servicebrister',
        SV: 'Tar tag i servicebrister',
      },
      description: {
        EN: "Acts on the service gaps they see instead of letting things slide because 'it is not that bad'. Fixes them even when it costs internal comfort, habits or popularity, and uses facts rather than excuses to set the right level.",
        NB: 'Handler på servicesvikten vedkommende ser, i stedet for å la ting skure fordi «så ille er det jo ikke». Retter opp også når det går ut over intern komfort, vaner eller popularitet, og bruker fakta – ikke unnskyldninger – til å finne riktig nivå.',
        DA: 'Handler på de servicebrister, vedkommende ser, i stedet for at lade stå til, fordi »det er jo ikke så slemt«. Retter op, også når det går ud over den interne hygge, vaner eller popularitet, og bruger fakta – ikke undskyldninger – til at finde det rette niveau.',
        SV: 'Agerar på de servicebrister hen ser i stället för att låta saker bero för att ”så illa är det ju inte”. Rättar till även när det går ut över intern bekvämlighet, vanor eller popularitet, och använder fakta – inte ursäkter – för att hitta rätt nivå.',
      },
      indicators: [
        {
          EN: 'Notices small service failures (unanswered calls, closed counters at peak times, slow internal support) and raises them instead of accepting them as normal.',
          NB: 'Legger merke til små servicesvikter – ubesvarte anrop, stengte skranker når pågangen er størst, treg intern støtte – og tar dem opp i stedet for å godta dem som normalt.',
          DA: 'Bemærker små servicebrister – ubesvarede opkald, lukkede skranker, når travlheden er størst, langsom intern support – og tager dem op i stedet for at acceptere dem som normale.',
          SV: 'Lägger märke till små servicebrister – obesvarade samtal, stängda kassor när trycket är som störst, långsam intern support – och tar upp dem i stället för att acceptera dem som normala.',
        },
        {
          EN: 'Asks for facts when a gap is explained away, and adjusts resources to actual customer demand rather than shutting down completely.',
          NB: 'Ber om fakta når en svikt bortforklares, og tilpasser ressursene til den faktiske etterspørselen i stedet for å stenge helt.',
          DA: 'Beder om fakta, når en brist bortforklares, og tilpasser ressourcerne til kundernes faktiske efterspørgsel i stedet for at lukke helt ned.',
          SV: 'Kräver fakta när en brist bortförklaras och anpassar resurserna efter kundernas faktiska efterfrågan i stället för att stänga helt.',
        },
        {
          EN: 'Is willing to challenge popular habits and traditions when they work against customers, and explains why.',
          NB: 'Er villig til å utfordre populære vaner og tradisjoner når de går ut over kundene, og forklarer hvorfor.',
          DA: 'Er villig til at udfordre populære vaner og traditioner, når de går ud over kunderne, og forklarer hvorfor.',
          SV: 'Är beredd att utmana populära vanor och traditioner när de går ut över kunderna, och förklarar varför.',
        },
        {
          EN: 'Uses a visible, symbolic fix to signal that the organisation exists for its customers, not the other way round.',
          NB: 'Bruker et synlig, symbolsk grep til å markere at organisasjonen er til for kundene, og ikke omvendt.',
          DA: 'Bruger et synligt, symbolsk greb til at markere, at organisationen er til for kunderne og ikke omvendt.',
          SV: 'Använder en synlig, symbolisk åtgärd för att markera att organisationen finns till för kunderna och inte tvärtom.',
        },
      ],
      questions: [
        {
          EN: 'Tell me about a service gap you discovered that others had accepted as normal. What did you do, and how did people react?',
          NB: 'Fortell om en servicesvikt du oppdaget som andre hadde akseptert som normalt. Hva gjorde du, og hvordan reagerte folk?',
          DA: 'Fortæl om en servicebrist, du opdagede, som andre havde accepteret som normal. Hvad gjorde du, og hvordan reagerede folk?',
          SV: 'Berätta om en servicebrist du upptäckte som andra hade accepterat som normal. Vad gjorde du, och hur reagerade människor?',
        },
        {
          EN: 'Tell me about a time fixing something for customers meant changing a habit your team liked, for example how breaks or lunch were organised. How did you handle it?',
          NB: 'Fortell om en gang det å rette opp noe for kundene betydde å endre en vane teamet likte, for eksempel hvordan pauser eller lunsj var organisert. Hvordan håndterte du det?',
          DA: 'Fortæl om en gang, hvor det at rette op på noget for kunderne betød, at en vane, teamet holdt af, skulle ændres – fx hvordan pauser eller frokost var organiseret. Hvordan håndterede du det?',
          SV: 'Berätta om ett tillfälle när det att rätta till något för kunderna innebar att ändra en vana som teamet tyckte om, till exempel hur raster eller luncher var organiserade. Hur hanterade du det?',
        },
        {
          EN: "Tell me about a time someone told you a service problem was 'not that bad'. What did you do next?",
          NB: 'Fortell om en gang noen sa til deg at et serviceproblem «ikke var så ille». Hva gjorde du da?',
          DA: 'Fortæl om en gang, hvor nogen sagde til dig, at et serviceproblem »ikke var så slemt«. Hvad gjorde du så?',
          SV: 'Berätta om ett tillfälle när någon sa till dig att ett serviceproblem ”inte var så farligt”. Vad gjorde du då?',
        },
      ],
      anchors: [
        {
          EN: "Sees gaps but lets them slide, or defends them ('hardly anyone calls then'); protects internal comfort and habits at the customer's expense.",
          NB: 'Ser svikten, men lar den skure eller forsvarer den («det er jo nesten ingen som ringer da»); beskytter intern komfort og vaner på kundens bekostning.',
          DA: 'Ser bristerne, men lader stå til eller forsvarer dem (»der er jo næsten ingen, der ringer på det tidspunkt«); beskytter intern hygge og vaner på kundens bekostning.',
          SV: 'Ser bristerna men låter dem bero eller försvarar dem (”det är ju nästan ingen som ringer då”); skyddar intern bekvämlighet och vanor på kundens bekostnad.',
        },
        {
          EN: 'Acknowledges gaps when confronted but acts only on major or escalated complaints; avoids changes that would be unpopular with the team.',
          NB: 'Erkjenner svikt når vedkommende blir konfrontert med den, men handler bare på store eller eskalerte klager; unngår endringer som blir upopulære i teamet.',
          DA: 'Anerkender brister, når vedkommende bliver konfronteret med dem, men handler kun på store eller eskalerede klager; undgår ændringer, der vil være upopulære i teamet.',
          SV: 'Medger brister när hen konfronteras med dem men agerar bara på stora eller eskalerade klagomål; undviker förändringar som skulle bli impopulära i teamet.',
        },
        {
          EN: 'Acts on the gaps they notice and fixes the obvious ones, including some uncomfortable ones, but tends to wait for problems to surface rather than look for them.',
          NB: 'Handler på svikt vedkommende legger merke til og retter opp det åpenbare, også noe som er ubehagelig, men venter gjerne på at problemene skal dukke opp i stedet for å lete etter dem.',
          DA: 'Handler på de brister, vedkommende bemærker, og retter de åbenlyse, også nogle ubehagelige, men venter gerne på, at problemerne dukker op, frem for at lede efter dem.',
          SV: 'Agerar på brister hen lägger märke till och rättar till de uppenbara, även en del obekväma, men väntar gärna på att problemen ska dyka upp i stället för att leta efter dem.',
        },
        {
          EN: 'Actively looks for gaps across touchpoints, challenges excuses with facts and fixes gaps even when it costs comfort or popularity, explaining the customer reason behind the change.',
          NB: 'Leter aktivt etter svikt i kontaktpunktene, møter unnskyldninger med fakta og retter opp også når det koster komfort eller popularitet, og forklarer kundehensynet bak endringen.',
          DA: 'Leder aktivt efter brister i kontaktpunkterne, møder undskyldninger med fakta og retter op, også når det koster hygge eller popularitet, og forklarer kundehensynet bag ændringen.',
          SV: 'Letar aktivt efter brister i kontaktpunkterna, bemöter ursäkter med fakta och rättar till även när det kostar bekvämlighet eller popularitet, och förklarar kundskälet bakom förändringen.',
        },
        {
          EN: 'Has made acting on gaps the norm: gaps are spotted and closed quickly at every level, fixes are sized to the facts, and visible, symbolic changes show that the organisation exists for the customer.',
          NB: 'Har gjort det til en norm å handle på svikt: svikt oppdages og lukkes raskt på alle nivåer, tiltakene dimensjoneres etter fakta, og synlige, symbolske endringer viser at organisasjonen er til for kunden.',
          DA: 'Har gjort det til normen at handle på brister: De opdages og lukkes hurtigt på alle niveauer, tiltagene dimensioneres efter fakta, og synlige, symbolske ændringer viser, at organisationen er til for kunden.',
          SV: 'Har gjort det till norm att agera på brister: de upptäcks och åtgärdas snabbt på alla nivåer, åtgärderna dimensioneras efter fakta, och synliga, symboliska förändringar visar att organisationen finns till för kunden.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'LEARNING_ORIENTATION',
      name: {
        EN: 'Learning orientation',
        NB: 'Læringsorientert ledelse',
        DA: 'Læringsorienteret ledelse',
        SV: 'Lärorienterat ledarskap',
      },
      description: {
        EN: 'Learns together with employees what actually works for customers in their own business, by testing, evaluating and adjusting. Seeks and uses feedback from customers and employees, and backs the ideas that prove to work.',
        NB: 'Lærer sammen med medarbeiderne hva som faktisk virker for kundene i egen virksomhet, ved å teste, evaluere og justere. Søker og bruker tilbakemeldinger fra kunder og medarbeidere, og støtter opp om ideene som viser seg å fungere.',
        DA: 'Lærer sammen med medarbejderne, hvad der rent faktisk virker for kunderne i egen virksomhed, ved at afprøve, evaluere og justere. Søger og bruger feedback fra kunder og medarbejdere og bakker op om de idéer, der viser sig at virke.',
        SV: 'Lär sig tillsammans med medarbetarna vad som faktiskt fungerar för kunderna i den egna verksamheten – genom att pröva, utvärdera och justera. Söker och använder feedback från kunder och medarbetare och backar upp de idéer som visar sig fungera.',
      },
      indicators: [
        {
          EN: 'Runs small improvement experiments with the team, agrees in advance how success will be measured and reviews the outcome together.',
          NB: 'Gjennomfører små forbedringsforsøk sammen med teamet, blir enige på forhånd om hvordan suksess skal måles, og går gjennom resultatet i fellesskap.',
          DA: 'Gennemfører små forbedringsforsøg sammen med teamet, aftaler på forhånd, hvordan succes skal måles, og gennemgår resultatet i fællesskab.',
          SV: 'Genomför små förbättringsförsök tillsammans med teamet, kommer i förväg överens om hur framgång ska mätas och går igenom resultatet gemensamt.',
        },
        {
          EN: 'Collects feedback from customers and front-line employees and turns it into concrete changes.',
          NB: 'Henter inn tilbakemeldinger fra kunder og medarbeidere i førstelinjen og gjør dem om til konkrete endringer.',
          DA: 'Indhenter feedback fra kunder og frontmedarbejdere og omsætter den til konkrete ændringer.',
          SV: 'Samlar in feedback från kunder och medarbetare i första linjen och omsätter den i konkreta förändringar.',
        },
        {
          EN: 'Asks for feedback on their own leadership and changes behaviour as a result.',
          NB: 'Ber om tilbakemeldinger på eget lederskap og endrer adferd som følge av dem.',
          DA: 'Beder om feedback på egen ledelse og ændrer adfærd som følge af den.',
          SV: 'Ber om feedback på sitt eget ledarskap och ändrar beteende utifrån den.',
        },
        {
          EN: 'Treats failed tests as learning, stops what does not work and provides resources to spread what does.',
          NB: 'Ser på mislykkede forsøk som læring, stopper det som ikke virker, og setter av ressurser til å spre det som virker.',
          DA: 'Ser mislykkede forsøg som læring, stopper det, der ikke virker, og afsætter ressourcer til at udbrede det, der virker.',
          SV: 'Ser misslyckade försök som lärande, stoppar det som inte fungerar och avsätter resurser för att sprida det som fungerar.',
        },
      ],
      questions: [
        {
          EN: 'Tell me about a time you and your team tested a new way of serving customers. How did you evaluate it, and what did you adjust?',
          NB: 'Fortell om en gang du og teamet testet en ny måte å betjene kundene på. Hvordan evaluerte dere det, og hva justerte dere?',
          DA: 'Fortæl om en gang, hvor du og dit team afprøvede en ny måde at betjene kunderne på. Hvordan evaluerede I den, og hvad justerede I?',
          SV: 'Berätta om ett tillfälle när du och ditt team testade ett nytt sätt att möta kunderna. Hur utvärderade ni det, och vad justerade ni?',
        },
        {
          EN: 'Tell me about feedback from a customer or an employee that made you change something, in the business or in your own leadership.',
          NB: 'Fortell om en tilbakemelding fra en kunde eller medarbeider som fikk deg til å endre noe, i virksomheten eller i ditt eget lederskap.',
          DA: 'Fortæl om en tilbagemelding fra en kunde eller medarbejder, der fik dig til at ændre noget – i virksomheden eller i din egen ledelse.',
          SV: 'Berätta om en återkoppling från en kund eller medarbetare som fick dig att ändra något, i verksamheten eller i ditt eget ledarskap.',
        },
        {
          EN: 'Tell me about an improvement that did not work. What did you and the team learn, and what happened next?',
          NB: 'Fortell om et forbedringstiltak som ikke fungerte. Hva lærte du og teamet, og hva skjedde videre?',
          DA: 'Fortæl om et forbedringstiltag, der ikke virkede. Hvad lærte du og teamet, og hvad skete der derefter?',
          SV: 'Berätta om en förbättring som inte fungerade. Vad lärde du och teamet er, och vad hände sedan?',
        },
      ],
      anchors: [
        {
          EN: "Relies on fixed plans and general recipes; does not seek feedback, treats failed attempts as someone's fault and does not involve employees in finding out what works.",
          NB: 'Holder seg til faste planer og generelle oppskrifter; søker ikke tilbakemeldinger, ser på mislykkede forsøk som noens feil og involverer ikke medarbeiderne i å finne ut hva som virker.',
          DA: 'Holder sig til faste planer og generelle opskrifter; søger ikke feedback, ser mislykkede forsøg som nogens skyld og involverer ikke medarbejderne i at finde ud af, hvad der virker.',
          SV: 'Håller sig till fasta planer och generella recept; söker inte feedback, ser misslyckade försök som någons fel och involverar inte medarbetarna i att ta reda på vad som fungerar.',
        },
        {
          EN: 'Accepts feedback when it arrives but rarely acts on it; changes are decided top-down and seldom evaluated afterwards.',
          NB: 'Tar imot tilbakemeldinger når de kommer, men handler sjelden på dem; endringer besluttes ovenfra og evalueres sjelden i etterkant.',
          DA: 'Tager imod feedback, når den kommer, men handler sjældent på den; ændringer besluttes oppefra og evalueres sjældent bagefter.',
          SV: 'Tar emot feedback när den kommer men agerar sällan på den; förändringar beslutas uppifrån och utvärderas sällan i efterhand.',
        },
        {
          EN: 'Involves employees in some improvements and evaluates the larger ones; uses customer feedback, but learning is not a regular cycle and their own leadership is rarely put up for feedback.',
          NB: 'Involverer medarbeiderne i noen forbedringer og evaluerer de større; bruker kundetilbakemeldinger, men læringen skjer ikke i faste sykluser, og eget lederskap blir sjelden gjenstand for tilbakemelding.',
          DA: 'Involverer medarbejderne i nogle forbedringer og evaluerer de større; bruger kundefeedback, men læringen sker ikke i faste cyklusser, og egen ledelse bliver sjældent genstand for feedback.',
          SV: 'Involverar medarbetarna i vissa förbättringar och utvärderar de större; använder kundfeedback, men lärandet sker inte i återkommande cykler och det egna ledarskapet blir sällan föremål för feedback.',
        },
        {
          EN: 'Regularly tests, evaluates and adjusts with the team, turns customer and employee feedback into concrete changes and asks for feedback on their own leadership.',
          NB: 'Tester, evaluerer og justerer jevnlig sammen med teamet, gjør tilbakemeldinger fra kunder og medarbeidere om til konkrete endringer og ber om tilbakemeldinger på eget lederskap.',
          DA: 'Afprøver, evaluerer og justerer løbende sammen med teamet, omsætter feedback fra kunder og medarbejdere til konkrete ændringer og beder om feedback på egen ledelse.',
          SV: 'Testar, utvärderar och justerar regelbundet tillsammans med teamet, omsätter feedback från kunder och medarbetare i konkreta förändringar och ber om feedback på sitt eget ledarskap.',
        },
        {
          EN: 'Has built a learning organisation around the customer: test-evaluate-adjust cycles run at team level, employees bring their own ideas, the leader backs and scales what works, and results show that customers notice the difference.',
          NB: 'Har bygd en lærende organisasjon rundt kunden: sykluser med testing, evaluering og justering går på teamnivå, medarbeiderne kommer med egne ideer, lederen støtter og skalerer det som virker, og resultatene viser at kundene merker forskjell.',
          DA: 'Har opbygget en lærende organisation omkring kunden: Cyklusser med afprøvning, evaluering og justering kører på teamniveau, medarbejderne kommer med egne idéer, lederen bakker op om og udbreder det, der virker, og resultaterne viser, at kunderne mærker forskellen.',
          SV: 'Har byggt en lärande organisation kring kunden: cykler med test, utvärdering och justering pågår på teamnivå, medarbetarna kommer med egna idéer, ledaren backar upp och skalar upp det som fungerar, och resultaten visar att kunderna märker skillnad.',
        },
      ],
    },
    // ---------------------------------------------------------------------------------------
    {
      key: 'LOYALTY_ECONOMICS',
      name: {
        EN: 'Loyalty economics and service strategy',
        NB: 'Lojalitetsøkonomi og servicestrategi',
        DA: 'Loyalitetsøkonomi og servicestrategi',
        SV: 'Lojalitetsekonomi och servicestrategi',
      },
      description: {
        EN: 'Knows concretely what loyal customers are worth and what it costs to lose one, and prioritises accordingly. Has a clear service strategy (which customers the business serves and what level of service they are promised) so that employees know what to aim for.',
        NB: 'Vet konkret hva lojale kunder er verdt og hva det koster å miste en, og prioriterer ut fra det. Har en tydelig servicestrategi – hvilke kunder virksomheten skal betjene og hvilket servicenivå de skal få – slik at medarbeiderne vet hva de skal strekke seg etter.',
        DA: 'Ved konkret, hvad loyale kunder er værd, og hvad det koster at miste en, og prioriterer ud fra det. Har en klar servicestrategi – hvilke kunder virksomheden skal betjene, og hvilket serviceniveau de skal have – så medarbejderne ved, hvad de skal sigte efter.',
        SV: 'Vet konkret vad lojala kunder är värda och vad det kostar att förlora en, och prioriterar utifrån det. Har en tydlig servicestrategi – vilka kunder verksamheten ska betjäna och vilken servicenivå de ska få – så att medarbetarna vet vad de ska sikta mot.',
      },
      indicators: [
        {
          EN: 'Can quantify, roughly but concretely, the value of a loyal customer and the full cost of losing one (lost revenue, cost of winning new customers, reputation).',
          NB: 'Kan tallfeste, grovt men konkret, verdien av en lojal kunde og den samlede kostnaden ved å miste en – tapt omsetning, kostnad for å skaffe nye kunder, omdømme.',
          DA: 'Kan sætte tal på – groft, men konkret – værdien af en loyal kunde og den samlede pris for at miste en: tabt omsætning, omkostninger til at skaffe nye kunder, omdømme.',
          SV: 'Kan sätta siffror på – grovt men konkret – värdet av en lojal kund och den samlade kostnaden för att förlora en: förlorade intäkter, kostnad för att värva nya kunder, rykte.',
        },
        {
          EN: 'Knows why customers leave, for example poor service, and tracks churn and loyalty as business figures.',
          NB: 'Vet hvorfor kunder forsvinner, for eksempel på grunn av dårlig service, og følger med på frafall og lojalitet som forretningstall.',
          DA: 'Ved, hvorfor kunder forsvinder, fx på grund af dårlig service, og følger kundeafgang og loyalitet som forretningsnøgletal.',
          SV: 'Vet varför kunder lämnar, till exempel på grund av dålig service, och följer kundbortfall och lojalitet som affärsnyckeltal.',
        },
        {
          EN: 'Has or creates a clear service strategy that defines customer segments and the service level promised to each.',
          NB: 'Har eller lager en tydelig servicestrategi som definerer kundesegmenter og hvilket servicenivå hvert av dem er lovet.',
          DA: 'Har eller udarbejder en klar servicestrategi, der definerer kundesegmenter og det serviceniveau, hvert af dem er lovet.',
          SV: 'Har eller tar fram en tydlig servicestrategi som definierar kundsegment och vilken servicenivå varje segment utlovas.',
        },
        {
          EN: 'Uses loyalty economics in budgets and investment cases to justify customer initiatives, not only cost cuts.',
          NB: 'Bruker lojalitetsøkonomi i budsjetter og investeringsbeslutninger for å begrunne kundetiltak, ikke bare kostnadskutt.',
          DA: 'Bruger loyalitetsøkonomi i budgetter og investeringsoplæg til at begrunde kundeinitiativer, ikke kun besparelser.',
          SV: 'Använder lojalitetsekonomi i budgetar och investeringsunderlag för att motivera kundinitiativ, inte bara besparingar.',
        },
      ],
      questions: [
        {
          EN: 'What is a loyal customer worth to the business you lead today, and what does losing one cost? Tell me how you worked that out and where you have used it.',
          NB: 'Hva er en lojal kunde verdt for virksomheten du leder i dag, og hva koster det å miste en? Fortell hvordan du kom fram til det, og hvor du har brukt det.',
          DA: 'Hvad er en loyal kunde værd for den virksomhed, du leder i dag, og hvad koster det at miste en? Fortæl, hvordan du kom frem til det, og hvor du har brugt det.',
          SV: 'Vad är en lojal kund värd för den verksamhet du leder i dag, och vad kostar det att förlora en? Berätta hur du kom fram till det och var du har använt det.',
        },
        {
          EN: 'Tell me about a time you used the value of customer loyalty to win support or budget for a service improvement.',
          NB: 'Fortell om en gang du brukte verdien av kundelojalitet til å få gjennomslag eller budsjett for en serviceforbedring.',
          DA: 'Fortæl om en gang, hvor du brugte værdien af kundeloyalitet til at få opbakning eller budget til en serviceforbedring.',
          SV: 'Berätta om ett tillfälle när du använde värdet av kundlojalitet för att få stöd eller budget för en serviceförbättring.',
        },
        {
          EN: 'Tell me how you defined or sharpened the service strategy in your organisation. How did employees come to know what level of service to deliver?',
          NB: 'Fortell hvordan du har definert eller skjerpet servicestrategien i organisasjonen din. Hvordan fikk medarbeiderne vite hvilket servicenivå de skulle levere?',
          DA: 'Fortæl, hvordan du har defineret eller skærpet servicestrategien i din organisation. Hvordan fik medarbejderne at vide, hvilket serviceniveau de skulle levere?',
          SV: 'Berätta hur du har definierat eller skärpt servicestrategin i din organisation. Hur fick medarbetarna veta vilken servicenivå de skulle leverera?',
        },
      ],
      anchors: [
        {
          EN: 'Sees service as a cost to be minimised; cannot say what a loyal customer is worth or why customers leave, and there is no clear service strategy.',
          NB: 'Ser på service som en kostnad som skal holdes nede; kan ikke si hva en lojal kunde er verdt eller hvorfor kunder forsvinner, og det finnes ingen tydelig servicestrategi.',
          DA: 'Ser service som en omkostning, der skal holdes nede; kan ikke sige, hvad en loyal kunde er værd, eller hvorfor kunder forsvinder, og der er ingen klar servicestrategi.',
          SV: 'Ser service som en kostnad som ska hållas nere; kan inte säga vad en lojal kund är värd eller varför kunder lämnar, och det finns ingen tydlig servicestrategi.',
        },
        {
          EN: 'Agrees that loyal customers are profitable and that losing them is expensive, but only in general terms; the service level is implicit and varies between teams.',
          NB: 'Er enig i at lojale kunder er lønnsomme og at det er dyrt å miste dem, men bare i generelle vendinger; servicenivået er uuttalt og varierer mellom team.',
          DA: 'Er enig i, at loyale kunder er lønsomme, og at det er dyrt at miste dem, men kun i generelle vendinger; serviceniveauet er uudtalt og varierer fra team til team.',
          SV: 'Håller med om att lojala kunder är lönsamma och att det är dyrt att förlora dem, men bara i allmänna ordalag; servicenivån är outtalad och varierar mellan teamen.',
        },
        {
          EN: 'Tracks churn and satisfaction and can estimate customer value; a service strategy exists but is not fully translated into priorities or into what employees do.',
          NB: 'Følger med på frafall og tilfredshet og kan anslå kundeverdien; det finnes en servicestrategi, men den er ikke fullt ut omsatt til prioriteringer eller til det medarbeiderne gjør.',
          DA: 'Følger kundeafgang og tilfredshed og kan give et skøn over kundeværdien; der findes en servicestrategi, men den er ikke fuldt omsat til prioriteringer eller til det, medarbejderne gør.',
          SV: 'Följer kundbortfall och nöjdhet och kan uppskatta kundvärdet; det finns en servicestrategi, men den är inte fullt omsatt i prioriteringar eller i det medarbetarna gör.',
        },
        {
          EN: 'Quantifies the value of loyalty and the cost of losing customers, uses these figures to prioritise and fund service improvements, and has a clear service strategy that employees can describe.',
          NB: 'Tallfester verdien av lojalitet og kostnaden ved å miste kunder, bruker tallene til å prioritere og finansiere serviceforbedringer, og har en tydelig servicestrategi som medarbeiderne kan gjengi.',
          DA: 'Sætter tal på værdien af loyalitet og prisen for at miste kunder, bruger tallene til at prioritere og finansiere serviceforbedringer og har en klar servicestrategi, som medarbejderne kan gengive.',
          SV: 'Sätter siffror på värdet av lojalitet och kostnaden för att förlora kunder, använder siffrorna för att prioritera och finansiera serviceförbättringar och har en tydlig servicestrategi som medarbetarna kan återge.',
        },
        {
          EN: 'Manages the business on loyalty economics: the total cost of losing a customer is known and reported, the service strategy sets differentiated service levels by segment, and budgets, targets and investments follow from it.',
          NB: 'Styrer virksomheten etter lojalitetsøkonomi: totalkostnaden ved å miste en kunde er kjent og rapporteres, servicestrategien setter differensierte servicenivåer per segment, og budsjetter, mål og investeringer følger av den.',
          DA: 'Styrer virksomheden efter loyalitetsøkonomi: Den samlede pris for at miste en kunde er kendt og rapporteres, servicestrategien fastlægger differentierede serviceniveauer pr. segment, og budgetter, mål og investeringer følger heraf.',
          SV: 'Styr verksamheten utifrån lojalitetsekonomi: den totala kostnaden för att förlora en kund är känd och rapporteras, servicestrategin sätter differentierade servicenivåer per segment, och budgetar, mål och investeringar följer av den.',
        },
      ],
    },
  ],
};
