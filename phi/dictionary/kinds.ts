/** Kinds of dictionary terms, as stored in the compiled dictionary (one letter each). */
export const KIND = {
  MED_GENERIC: 'g',
  MED_BRAND: 'b',
  CONDITION: 'c',
  PROCEDURE: 'p',
  LAB: 'l',
  CONTEXT: 'x',
  HONORIFIC: 'h',
  CLOSING: 's',
  CREDENTIAL: 'r',
  GIVEN_NAME: 'f',
  /** Veterinary setting, strong ("veterinary", "DVM", "canine") and weak ("dog", "kitten"). */
  VETERINARY: 'v',
  ANIMAL: 'a',
  /** A person's contact with an animal ("bitten by", "therapy dog"): the animal words around are no veterinary setting. */
  ANIMAL_EXPOSURE: 'w',
  /** Mass-mail markers ("unsubscribe", "view in browser"). */
  BULK: 'k',
  /** Material that says its identifiers are made up ("all fake", "fictitious", "dummy data"). */
  FICTITIOUS: 'z',
  /** Data its sender calls de-identified ("Safe Harbor de-identified extract"): its study codes name no one (decide.ts). */
  DEIDENTIFIED: 'q',
  /** A person's health made public by them or the press ("spoke publicly about", "press release"): a public figure, not a patient (decide.ts). */
  PUBLICITY: 'u',
  /** Verbs that follow a patient's name ("… was seen", "… called", "… underwent"): persons.ts. */
  PERSON_VERB: 'e',
  /** Header words of a name split over two table columns ("last", "surname", "family"): tables.ts. */
  NAME_COLUMN: 'n',
  /** Identifier label; the compiled kind is "L" followed by the PHI type, e.g. "LDOB". */
  LABEL: 'L',
} as const;

/** Kinds that name clinical content: a condition, a procedure, a test, a drug. */
export const CLINICAL_KINDS: ReadonlySet<string> = new Set<string>([KIND.CONDITION, KIND.PROCEDURE, KIND.LAB, KIND.MED_GENERIC, KIND.MED_BRAND]);
