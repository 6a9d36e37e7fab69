// The demo companies' people, fixed so the e2e tests can name them; accents on purpose, and every third only invited.
import type { Locale, Title } from "@prisma/client";

export type DemoPerson = {
  firstName: string;
  lastName: string;
  title: Title;
  position: string;
  language: Locale;
  email: string;
  /** false: only invited, no account yet. */
  isRegistered: boolean;
};

type PersonRow = [firstName: string, lastName: string, title: Title, position: string, language?: Locale];

const dutchColleagues: PersonRow[] = [
  ["José", "Bakker", "MR", "Constructeur"],
  ["Zoë", "Visser", "MS", "Projectleider"],
  ["Özlem", "Yılmaz", "MS", "Werkvoorbereider", "en"],
  ["Sanne", "de Jong", "MS", "Tekenaar"],
  ["Daan", "van Dijk", "MR", "Constructeur"],
  ["Emma", "Smit", "MS", "Calculator"],
  ["Lucas", "Meijer", "MR", "Uitvoerder"],
  ["Julia", "de Boer", "DR", "Constructief adviseur"],
  ["Sem", "Mulder", "MR", "Werkvoorbereider"],
  ["Tess", "de Groot", "MS", "BIM-coördinator"],
  ["Finn", "Bos", "MR", "Tekenaar"],
  ["Fleur", "Vos", "MS", "Projectleider"],
  ["Milan", "Peters", "MR", "Constructeur"],
  ["Lotte", "Hendriks", "MS", "Inkoper"],
  ["Thijs", "van Leeuwen", "MR", "Uitvoerder"],
  ["Noor", "Dekker", "MS", "Calculator"],
  ["Bram", "Brouwer", "MR", "Werkvoorbereider"],
  ["Eva", "de Wit", "MS", "Tekenaar"],
  ["Ruben", "Dijkstra", "MR", "Constructeur"],
  ["Anouk", "Smits", "MS", "Projectleider"],
  ["Stijn", "de Graaf", "MR", "BIM-modelleur"],
  ["Iris", "van der Meer", "MS", "Constructeur"],
  ["Jesse", "van der Linden", "MR", "Tekenaar"],
  ["Femke", "Kok", "MS", "Werkvoorbereider"],
  ["Luuk", "Jacobs", "MR", "Uitvoerder"],
  ["Maud", "de Haan", "MS", "Calculator"],
  ["Gijs", "Vermeulen", "MR", "Constructeur"],
  ["Roos", "van den Heuvel", "MS", "Projectleider"],
  ["Thomas", "van der Veen", "MR", "Tekenaar"],
  ["Lieke", "van den Broek", "MS", "Werkvoorbereider"],
  ["Mohamed", "El Amrani", "MR", "Constructeur", "en"],
  ["Chloë", "de Bruijn", "MS", "BIM-coördinator"],
  ["Rémy", "van Beek", "MR", "Constructief adviseur"],
  ["Inge", "Schouten", "MS", "Inkoper"],
  ["Wouter", "van Vliet", "MR", "Uitvoerder"],
  ["Marloes", "Willems", "MS", "Tekenaar"],
  ["Sven", "Hoekstra", "MR", "Constructeur"],
  ["Anneke", "Koster", "MS", "Calculator"],
  ["Joost", "Verbeek", "MR", "Projectleider"],
  ["Renée", "Prins", "MS", "Werkvoorbereider"],
  ["Kees", "Post", "MR", "Uitvoerder"],
  ["Hanneke", "Kuipers", "MS", "Tekenaar"],
  ["Pieter-Jan", "Huisman", "MR", "Constructeur"],
  ["Ayşe", "Demir", "MS", "BIM-modelleur", "en"],
  ["Dirk", "van Wijk", "MR", "Constructief adviseur"],
  ["Mirjam", "Bosman", "MS", "Projectleider"],
  ["Gerrit", "Kramer", "MR", "Uitvoerder"],
  ["Noë", "van Dam", "MX", "Tekenaar"],
];

const belgianColleagues: PersonRow[] = [
  ["Pieter", "Peeters", "MR", "Ingenieur stabiliteit"],
  ["Séverine", "Dubois", "MS", "Projectingenieur", "en"],
  ["Lies", "Claes", "MS", "Tekenaar"],
  ["Thomas", "Maes", "MR", "Werfleider"],
];

function toPeople(rows: PersonRow[], domain: string): DemoPerson[] {
  return rows.map(([firstName, lastName, title, position, language], index) => ({
    firstName,
    lastName,
    title,
    position,
    language: language ?? "nl",
    email: `${emailPart(firstName)}.${emailPart(lastName)}@${domain}`,
    isRegistered: index % 3 !== 2,
  }));
}

/** "Özlem" → "ozlem", "van der Meer" → "vandermeer", "Yılmaz" → "yilmaz". */
function emailPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
}

export const dutchDemoColleagues = toPeople(dutchColleagues, "devries-bouw.example");
export const belgianDemoColleagues = toPeople(belgianColleagues, "peeters-constructie.example");
