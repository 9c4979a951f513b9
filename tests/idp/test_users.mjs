// The test users of the stand-in identity provider (tests/idp/provider.mjs).
//
// Everything here is fictional. The citizens are the demo guardians and young
// people of src/app/demo_seed.cc, carrying the same synthetic national
// identity numbers (`pid`) the demo seed gives them, so that our server can
// match a login to a demo person. The numbers are computed here by the same
// rule as the C++ seed: make_synthetic_national_id(birth, seed * 37), where
// seed is the person's 1-based position in demo_seed.cc's kPeople table
// (src/domain/national_id.cc, reimplemented below). provider.test.mjs reads
// kPeople from demo_seed.cc and fails if this table drifts from it.

import { createHash } from 'node:crypto';

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits, weights) {
  let sum = 0;
  for (let i = 0; i < weights.length; ++i) sum += Number(digits[i]) * weights[i];
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

/** 11 digits with both mod-11 check digits right. */
export function isValidNationalIdChecksum(number) {
  if (!/^\d{11}$/.test(number)) return false;
  return checkDigit(number, WEIGHTS_1) === Number(number[9]) && checkDigit(number, WEIGHTS_2) === Number(number[10]);
}

/** Synthetic numbers have their month raised by 80 (the national test registry's convention). */
export function isSyntheticNationalId(number) {
  return isValidNationalIdChecksum(number) && Number(number.slice(2, 4)) > 80;
}

/**
 * Same as stafett::domain::make_synthetic_national_id: a synthetic,
 * checksum-valid number for the birth date, using the first individual number
 * from `seed` that gives valid check digits.
 */
export function makeSyntheticNationalId(year, month, day, seed) {
  const pad = (n, w) => String(n).padStart(w, '0');
  const first = year >= 2000 ? 500 : 0;
  for (let i = 0; i < 500; ++i) {
    const individual = first + ((seed + i) % 500);
    let n = `${pad(day % 100, 2)}${pad((month + 80) % 100, 2)}${pad(year % 100, 2)}${pad(individual % 1000, 3)}`;
    const k1 = checkDigit(n, WEIGHTS_1);
    if (k1 === null) continue;
    n += k1;
    const k2 = checkDigit(n, WEIGHTS_2);
    if (k2 === null) continue;
    return n + k2;
  }
  return '';
}

/** The kPeople table of src/app/demo_seed.cc: key, birth date, and seed (position, from 1). */
export const DEMO_PEOPLE = [
  ['ingrid', 1984, 5, 2], ['ole', 1979, 9, 21], ['sara', 1988, 1, 14], ['jonas', 1975, 11, 3],
  ['mette', 1981, 7, 30], ['ahmed', 1986, 2, 8], ['tone', 1970, 12, 12], ['liv', 1968, 6, 19],
  ['hanne', 1987, 3, 22], ['erik', 1985, 10, 5], ['nora', 2017, 4, 12],
  ['amina', 1992, 8, 17], ['leo', 2021, 6, 1],
  ['maria', 1980, 1, 25], ['thomas', 1978, 4, 9], ['sofie', 2012, 3, 3],
  ['kristin', 1990, 2, 27], ['iben', 2019, 8, 15],
  ['randi', 1972, 9, 9], ['bjorn', 1976, 4, 18], ['gry', 1983, 11, 2], ['kjell', 1965, 3, 3],
].map(([key, year, month, day], i) => ({ key, year, month, day, seed: i + 1 }));

/** kDemoChildWithoutLog in src/app/demo_seed.h: Iben's number is fixed, not generated. */
const IBEN_NATIONAL_ID = '15881950062';

/** The national identity number the demo seed gives a demo person. */
export function demoNationalId(key) {
  if (key === 'iben') return IBEN_NATIONAL_ID;
  const p = DEMO_PEOPLE.find((person) => person.key === key);
  if (!p) throw new Error(`no demo person '${key}'`);
  return makeSyntheticNationalId(p.year, p.month, p.day, p.seed * 37);
}

/** A stable, opaque, pairwise-looking subject (43 base64url characters), like ID-porten's and Entra's `sub`. */
function opaqueSubject(provider, key) {
  return createHash('sha256').update(`stafett-test-idp:${provider}:${key}`).digest('base64url');
}

/** The fake Entra tenant of the demo municipality (Fjordvik kommune) and a neighbouring one. */
export const EMPLOYEE_TENANT_ID = '422120d7-e75c-4fe9-bd95-aafc1e39881d';
export const OTHER_TENANT_ID = 'b19740e5-6cd7-433d-853c-6c104bef991a';

const LOA_HIGH = 'idporten-loa-high';
const LOA_SUBSTANTIAL = 'idporten-loa-substantial';

/**
 * ID-porten users. `key` is what the login form and `login_hint` use; `demo`
 * is the demo person (null: a person Stafett does not know).
 */
export const CITIZENS = [
  { key: 'hanne', name: 'Hanne Fjordstrand', demo: 'hanne', note: 'guardian of Nora', acr: LOA_HIGH, amr: ['BankID'], locale: 'nb' },
  { key: 'erik', name: 'Erik Fjordstrand', demo: 'erik', note: 'guardian of Nora', acr: LOA_HIGH, amr: ['BankID'], locale: 'nb' },
  { key: 'maria', name: 'Maria Lyngmo', demo: 'maria', note: 'guardian of Sofie', acr: LOA_HIGH, amr: ['BankID'], locale: 'nb' },
  { key: 'sofie', name: 'Sofie Lyngmo', demo: 'sofie', note: 'young person (14), sees her own log', acr: LOA_HIGH, amr: ['BankID'], locale: 'nn' },
  { key: 'kristin', name: 'Kristin Nesvold', demo: 'kristin', note: 'guardian of Iben (no log yet)', acr: LOA_HIGH, amr: ['BankID'], locale: 'nb' },
  {
    key: 'thomas', name: 'Thomas Lyngmo', demo: 'thomas', note: 'guardian of Sofie, logs in on the substantial level only (must be refused)',
    acr: LOA_SUBSTANTIAL, amr: ['MinID'], locale: 'nb',
  },
  {
    key: 'vilde', name: 'Vilde Nordeng', demo: null, note: 'not a demo person (unknown to Stafett)', acr: LOA_HIGH, amr: ['BankID'], locale: 'nb',
    pid: makeSyntheticNationalId(1991, 9, 9, 1),
  },
].map((u) => ({ ...u, sub: opaqueSubject('idporten', u.key), pid: u.pid ?? demoNationalId(u.demo) }));

/**
 * Entra ID users. Identity is (tid, oid); `preferred_username` and `name` are
 * display data only: the user in the other tenant deliberately has Ingrid's
 * name and username.
 */
export const EMPLOYEES = [
  {
    key: 'ingrid', name: 'Ingrid Fjellstad', demo: 'ingrid', note: 'teacher, Fjordvik skole', tid: EMPLOYEE_TENANT_ID,
    oid: 'd16930b1-dc17-45ac-80a8-69a8b01558cf', preferred_username: 'ingrid.fjellstad@fjordvik.example',
  },
  {
    key: 'sara', name: 'Sara Holmvik', demo: 'sara', note: 'public health nurse, Fjordvik helsestasjon', tid: EMPLOYEE_TENANT_ID,
    oid: '54747265-89d5-4933-ab08-59ca64d5d494', preferred_username: 'sara.holmvik@fjordvik.example',
  },
  {
    key: 'tone', name: 'Tone Ravnås', demo: 'tone', note: 'former teacher: her employment ended (account still active)', tid: EMPLOYEE_TENANT_ID,
    oid: '617fad70-620b-4d68-a1ff-cf1caa5dbe16', preferred_username: 'tone.ravnas@fjordvik.example',
  },
  {
    key: 'namesake', name: 'Ingrid Fjellstad', demo: null, note: 'ANOTHER tenant, with Ingrid\'s name and username (must be refused)',
    tid: OTHER_TENANT_ID, oid: 'a15be3e5-6423-40b5-bb2d-0090b976c871', preferred_username: 'ingrid.fjellstad@fjordvik.example',
  },
].map((u) => ({ ...u, amr: ['pwd', 'mfa'], sub: opaqueSubject('entra', u.key) }));
