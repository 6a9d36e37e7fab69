// Dutch email texts (R29), in the manual's u-form and vocabulary (SPEC §2). ICU messages, formatted by
// email-translator.tsx: `{name}` placeholders, plurals for counts, <strong> around names set in bold.
// en.ts must have exactly the same keys, arguments and tags.
export const nl = {
  common: {
    brand: "Licentieportaal",
    greeting: "Beste {firstName},",
    greetingWithoutName: "Goedendag,",
    buttonFallback: "Werkt de knop niet? Kopieer dan deze link en plak hem in uw browser:",
    closing: "Met vriendelijke groet,",
    signature: "Het team van het Licentieportaal",
    automated: "Dit is een automatisch verzonden bericht.",
  },
  licenseType: {
    // The UI's names (lib/i18n/messages/nl.json licenseType, the manual's vocabulary): one name per type.
    NAMED_USER: "Named user",
    FLOATING: "Multi-user (floating)",
    NODE_LOCKED: "Node-locked",
  },
  accountVerification: {
    subject: "Activeer uw account voor het Licentieportaal",
    preview: "Bevestig uw e-mailadres om uw registratie af te ronden.",
    heading: "Bevestig uw e-mailadres",
    intro: "Bedankt voor uw registratie. Klik op de knop hieronder om uw e-mailadres te bevestigen en uw account te activeren.",
    button: "Activeer account",
    expiry: "Deze link is {hours, plural, one {# uur} other {# uur}} geldig en werkt één keer.",
    afterwards: "Daarna gebruikt u met hetzelfde e-mailadres en wachtwoord al onze software.",
    footer:
      "U ontvangt deze e-mail omdat met dit e-mailadres een account is aangemaakt in het Licentieportaal. Heeft u zich niet geregistreerd? Dan kunt u deze e-mail negeren; zonder bevestiging wordt het account niet geactiveerd.",
  },
  passwordReset: {
    subject: "Nieuw wachtwoord instellen voor het Licentieportaal",
    preview: "Gebruik de link in deze e-mail om een nieuw wachtwoord in te stellen.",
    heading: "Nieuw wachtwoord instellen",
    intro:
      "We hebben een verzoek ontvangen om het wachtwoord van uw account te wijzigen. Klik op de knop hieronder om een nieuw wachtwoord te kiezen.",
    button: "Nieuw wachtwoord instellen",
    expiry: "Deze link is {minutes, plural, one {# minuut} other {# minuten}} geldig en werkt één keer.",
    footer:
      "U ontvangt deze e-mail omdat er voor dit e-mailadres een nieuw wachtwoord is aangevraagd. Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren; uw huidige wachtwoord blijft gewoon geldig.",
  },
  accountExists: {
    subject: "U heeft al een account bij het Licentieportaal",
    preview: "U kunt direct inloggen met uw bestaande gegevens.",
    heading: "U heeft al een account",
    intro: "Dit e-mailadres is al geregistreerd in het Licentieportaal. U hoeft dus geen nieuw account aan te maken.",
    signIn: "U kunt direct inloggen met uw bestaande e-mailadres en wachtwoord.",
    button: "Inloggen",
    resetIntro: "Weet u uw wachtwoord niet meer? Dan kunt u hier een nieuw wachtwoord instellen:",
    resetLink: "Nieuw wachtwoord instellen",
    footer:
      "U ontvangt deze e-mail omdat dit e-mailadres is opgegeven bij een registratie in het Licentieportaal. Er is niets aan uw account veranderd en u hoeft verder niets te doen.",
  },
  licenseAssignedWeb: {
    subject: "{productName} is voor u klaargezet door {adminName}",
    preview: "{adminName} van {companyName} heeft u een licentie voor {productName} gegeven.",
    heading: "{productName} staat voor u klaar",
    intro:
      "<strong>{adminName}</strong> van <strong>{companyName}</strong> heeft u een licentie voor <strong>{productName}</strong> toegewezen.",
    start: "Klik op Laten we beginnen en log in met uw e-mailadres en wachtwoord. Daarna kunt u direct met de software aan de slag.",
    noAccount: "Heeft u nog geen account? Kies dan Registreren en gebruik dit e-mailadres, waarop u deze licentie-e-mail heeft ontvangen.",
    button: "Laten we beginnen",
    footer:
      "U ontvangt deze e-mail omdat {adminName} van {companyName} u een licentie heeft toegewezen in het Licentieportaal. Heeft u vragen over deze licentie? Neem dan contact op met {adminName}.",
  },
  licenseAssignedDesktop: {
    subject: "{productName} is voor u klaargezet door {adminName}, met uw activeringssleutel",
    preview: "Download de software en activeer hem met de activeringssleutel in deze e-mail.",
    heading: "{productName} staat voor u klaar",
    intro:
      "<strong>{adminName}</strong> van <strong>{companyName}</strong> heeft u een licentie voor <strong>{productName}</strong> toegewezen. In deze e-mail vindt u de downloadlink en uw activeringssleutel.",
    button: "Download desktop software",
    keyLabel: "Activeringssleutel",
    keyHint: "Bewaar deze e-mail: u heeft de sleutel nodig om de software te activeren.",
    stepsHeading: "Zo gaat u aan de slag",
    stepDownload: "Download de software met de knop Download desktop software.",
    stepInstall: "Installeer de software op uw computer.",
    stepSignIn:
      "Start de software en log in met uw e-mailadres en wachtwoord. Heeft u nog geen account? Kies dan Registreren en gebruik dit e-mailadres.",
    stepEnterKey: "Voer na het inloggen de activeringssleutel uit deze e-mail in.",
    footer:
      "U ontvangt deze e-mail omdat {adminName} van {companyName} u een licentie heeft toegewezen in het Licentieportaal. Heeft u vragen over deze licentie? Neem dan contact op met {adminName}.",
  },
  invitation: {
    subject: "{adminName} nodigt u uit om {productNames} te gebruiken bij {companyName}",
    preview: "Registreer u met dit e-mailadres; daarna kunt u direct met de software aan de slag.",
    heading: "U bent uitgenodigd",
    intro: "<strong>{adminName}</strong> van <strong>{companyName}</strong> heeft u een licentie gegeven voor de volgende software:",
    registerFirst:
      "Om de software te gebruiken, registreert u zich eerst. Gebruik daarvoor dit e-mailadres, waarop u deze uitnodiging heeft ontvangen.",
    button: "Registreren",
    webLicense:
      "{productName} is een webapplicatie. Klik op Laten we beginnen: u registreert zich en gaat daarna direct verder naar {productName}.",
    desktopLicense:
      "{productName} is desktopsoftware. Download de software, installeer hem en log in met uw nieuwe account. Voer daarna deze activeringssleutel in.",
    stepsHeading: "Zo werkt het",
    stepRegister:
      "Klik op Registreren of Laten we beginnen, kies een wachtwoord en accepteer de gebruiksvoorwaarden. Via deze uitnodiging is uw account direct actief.",
    stepStart:
      "Start de software en log in met dit e-mailadres en uw wachtwoord. Onder Mijn software in het portaal vindt u al uw software terug.",
    stepEnterKey: "Voer in desktopsoftware na het inloggen de activeringssleutel uit deze e-mail in.",
    footer:
      "U ontvangt deze e-mail omdat {adminName} van {companyName} u een licentie heeft toegewezen in het Licentieportaal. Kent u deze afzender niet? Dan kunt u deze e-mail negeren; zonder registratie wordt er geen account aangemaakt.",
  },
  membershipInvitation: {
    subject: "{adminName} nodigt u uit bij {companyName} in het Licentieportaal",
    preview: "Neem de uitnodiging aan om gebruiker van dit bedrijf te worden.",
    heading: "Uitnodiging voor {companyName}",
    intro: "<strong>{adminName}</strong> nodigt u uit om gebruiker te worden van <strong>{companyName}</strong> in het Licentieportaal.",
    howTo:
      "Klik op Uitnodiging bekijken en meld u aan met dit e-mailadres. Heeft u nog geen account? Registreer u dan eerst met dit e-mailadres en open daarna deze link opnieuw.",
    button: "Uitnodiging bekijken",
    expires: "De link is {days, plural, one {# dag} other {# dagen}} geldig en werkt één keer.",
    footer:
      "U ontvangt deze e-mail omdat iemand van {companyName} uw e-mailadres heeft opgegeven. Kent u dit bedrijf niet? Dan kunt u deze e-mail negeren; zonder uw akkoord gebeurt er niets.",
  },
  purchaseConfirmation: {
    subject: "Bevestiging van uw bestelling {orderNumber}",
    preview: "Bedankt voor uw aankoop. Met Laten we beginnen gaat u naar Software Beheer.",
    heading: "Bedankt voor uw bestelling",
    intro: "Uw bestelling voor <strong>{companyName}</strong> is bevestigd. Hieronder vindt u een overzicht.",
    orderNumber: "Bestelnummer: <strong>{orderNumber}</strong>",
    purchaseOrderNumber: "Uw inkoopordernummer: {purchaseOrderNumber}",
    invoice:
      "U betaalt factuur {invoiceNumber} binnen {paymentTermDays, plural, one {# dag} other {# dagen}}. U vindt de factuur, om af te drukken of als pdf op te slaan, in het portaal:",
    invoiceLink: "Factuur {invoiceNumber} bekijken",
    columnProduct: "Product",
    columnLicenseType: "Licentietype",
    columnSeats: "Aantal",
    kindAddSeats: "extra plaatsen",
    kindRenewal: "verlenging met een jaar",
    net: "Subtotaal excl. btw",
    vat: "Btw",
    total: "Totaal",
    next: "Klik op Laten we beginnen om naar Software Beheer te gaan. Daar ziet u uw licenties en wijst u ze toe aan uzelf en uw collega's.",
    button: "Laten we beginnen",
    footer:
      "U ontvangt deze e-mail omdat u met dit e-mailadres software voor {companyName} heeft gekocht. Bewaar deze e-mail als bevestiging van uw bestelling.",
  },
  licenseExpiring: {
    subject: "Uw licentie voor {productName} verloopt op {date}",
    preview: "Verleng uw licentie voor {productName} op tijd, zodat uw collega's zonder onderbreking kunnen doorwerken.",
    heading: "Uw licentie verloopt over {days, plural, one {# dag} other {# dagen}}",
    intro: "De licentie voor <strong>{productName}</strong> van <strong>{companyName}</strong> loopt af op <strong>{date}</strong>.",
    details: "Licentietype: {licenseType} · aantal plaatsen: {seats}.",
    next: "Na die datum hebben de gebruikers aan wie de licentie is toegewezen geen toegang meer. U verlengt de licentie in Software Beheer, in de licentiegroep.",
    button: "Licentie verlengen",
    footer:
      "U ontvangt deze e-mail omdat u bij {companyName} softwarebeheerder bent. Deze herinnering wordt één keer per einddatum verstuurd.",
  },
};

/** The shape every language must fill; en.ts is checked against it by the compiler. */
export type EmailMessages = typeof nl;
