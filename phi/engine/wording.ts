/**
 * The wording model: how much a message reads like mail about one patient's care, from its words alone.
 *
 * The recognizers find identifiers and health content one pattern at a time; the mail they miss is mostly
 * worded plainly ("tevita's INR 1.6 … he missed 2 doses", "my mom's sugar was 300"). A logistic regression
 * over the message's distinct words and pairs of adjacent words on a line (hashed into 2^bits buckets with a sign,
 * subject words counted a second time, numbers by their length, capitalised words inside a sentence as one more
 * feature, Chinese, Japanese and Korean runs by their character pairs) learned from the labelled corpora in test/fixtures/phi
 * (phi/build/train-wording.ts) reads that wording. detector.ts blends its probability with the recognizers'
 * score; neither decides alone.
 *
 * Features come from the engine's own tokens (tokenizer.ts), so scanning pays one more pass over the token
 * arrays, no second tokenization. Words are not kept: only bucket numbers, dropped after each message.
 */
import { hashWord } from './fold.ts';
import { F_ALL_DIGIT, F_ALL_UPPER, F_LINE_START, F_UPPER_FIRST, F_WIDE, type Tokens } from './tokenizer.ts';

export interface WordingModel {
  bits: number;
  bias: number;
  /** A bucket's weight is its level times scale. */
  scale: number;
  /** One level per bucket, -32 … 31: a quarter of float weights' memory, so more of it stays in the CPU's cache. */
  levels: Int8Array;
}

/** The part of a feature hash that picks the bucket: high bits of a multiplicative mix. */
const MIX = 0x9e3779b1 | 0;
const SUBJECT_SALT = 0x5bd1e995 | 0;
const PAIR_SALT = 0x27d4eb2f | 0;
const BIGRAM_SALT = 0x165667b1 | 0;
/** "#1" … "#12": a number's length stands for the number. */
const NUMBER_HASHES = Int32Array.from({ length: 13 }, (_, n) => hashWord(`#${n}`));
const CAPITALISED_HASH = hashWord('#capitalised');

/**
 * Distinct buckets of one message, collected part by part (the engine is synchronous: one at a time). With a model,
 * each new bucket's level is summed as it is seen, so the probability needs no second pass over the buckets.
 */
export class WordingFeatures {
  readonly bits: number;
  /** The message number that last saw each bucket: a new message starts by counting on, not by clearing. */
  private seen: Uint8Array;
  private message = 1;
  private list = new Int32Array(1024);
  private readonly levels: Int8Array | null;
  /** Signed sum of the levels of the distinct buckets so far. */
  private sum = 0;
  count = 0;
  /** Distinct features that are words (not word pairs): how much there was to read (decide.ts BLEND.minFeatures). */
  words = 0;

  constructor(bits: number, model?: WordingModel) {
    this.bits = bits;
    this.seen = new Uint8Array(1 << bits);
    this.levels = model && model.bits === bits ? model.levels : null;
  }

  /**
   * One bit of the mix gives the feature a sign (the bucket's weight counts + or -), so words that share a
   * bucket cancel out on average instead of adding one's weight to the other (signed feature hashing).
   * Measured by cross-validation over the blind sets: fewer false alarms at the same recall.
   */
  private add(hash: number, salt: number): void {
    const mixed = Math.imul(hash ^ salt, MIX);
    const b = mixed >>> (32 - this.bits);
    if (this.seen[b] === this.message) return;
    this.seen[b] = this.message;
    if (salt !== BIGRAM_SALT) this.words++;
    if (this.levels !== null) this.sum += (mixed & 1) !== 0 ? -this.levels[b] : this.levels[b];
    if (this.count === this.list.length) {
      const grown = new Int32Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.count++] = (mixed & 1) !== 0 ? ~b : b;
  }

  /** Adds one part's words. `tokens` are the part's (tokenizer.ts), valid until the next tokenize call. */
  addPart(text: string, tokens: Tokens, subject: boolean): void {
    const { count, hash, flags, start, end, line } = tokens;
    let previous = 0;
    for (let k = 0; k < count; k++) {
      const fl = flags[k];
      const h = (fl & F_ALL_DIGIT) !== 0 ? NUMBER_HASHES[Math.min(12, end[k] - start[k])] : hash[k];
      this.add(h, 0);
      // Two words in a row on a line ("support group", "your order"): what neither says alone.
      if (k > 0 && line[k - 1] === line[k]) this.add(Math.imul(previous, 0x01000193) ^ h, BIGRAM_SALT);
      previous = h;
      if (subject) this.add(h, SUBJECT_SALT);
      // A capitalised word inside a sentence is most often a name (of someone, or of something).
      if ((fl & (F_UPPER_FIRST | F_ALL_UPPER | F_LINE_START)) === F_UPPER_FIRST && !sentenceEndsBefore(text, start[k])) this.add(CAPITALISED_HASH, 0);
      // Chinese and Japanese run their words together, Korean attaches particles: a run is read by its character pairs.
      if ((fl & F_WIDE) !== 0) this.addCharacterPairs(text, start[k], end[k]);
    }
  }

  /** Each pair of kana, Han or Hangul characters in text[from, to) ("糖尿", "尿病"): bounded by the run, linear. */
  private addCharacterPairs(text: string, from: number, to: number): void {
    for (let i = from; i + 1 < to; i++) {
      const a = text.charCodeAt(i), b = text.charCodeAt(i + 1);
      if (a < 0x3040 || b < 0x3040) continue;
      this.add(Math.imul(a, 0x10001) ^ b, PAIR_SALT);
    }
  }

  /** The distinct features so far (a copy), for training: bucket b counted +1, or ~b counted -1. */
  features(): Int32Array {
    return this.list.slice(0, this.count);
  }

  /** Probability that the message is about a patient, under `model` (the one summed while adding, if it was given). */
  probability(model: WordingModel): number {
    if (this.levels === model.levels) return probabilityOf(model, this.sum, this.count);
    return wordingProbability(model, this.list, this.count);
  }

  reset(): void {
    // 255 messages share the marks before they are cleared at once.
    if (++this.message === 256) {
      this.seen.fill(0);
      this.message = 1;
    }
    this.count = 0;
    this.words = 0;
    this.sum = 0;
  }
}

/** The bucket of a signed feature (see WordingFeatures.add). */
export function bucketOf(feature: number): number {
  return feature < 0 ? ~feature : feature;
}

/** Probability under `model` of a message whose distinct features are the first `count` of `features`. */
export function wordingProbability(model: WordingModel, features: Int32Array, count = features.length): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const f = features[i];
    sum += f < 0 ? -model.levels[~f] : model.levels[f];
  }
  return probabilityOf(model, sum, count);
}

/** The logistic of the bias and the signed level sum of `count` distinct buckets, scaled by their number. */
function probabilityOf(model: WordingModel, sum: number, count: number): number {
  const z = model.bias + (count > 0 ? (model.scale * sum) / Math.sqrt(count) : 0);
  return 1 / (1 + Math.exp(-z));
}

/** Does a sentence end (". ", "! ", "? ") in the few characters before pos? */
function sentenceEndsBefore(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0 && i >= pos - 4; i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58) return true;
    if (c !== 32 && c !== 9 && c !== 34 && c !== 40) return false;
  }
  return false;
}

/**
 * Weights travel as one printable character each (6 bits: 64 levels around zero), so the model adds
 * 2^bits characters to the compiled dictionary and decodes without base64 support (Apps Script).
 */
export const WEIGHT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LEVEL_ZERO = 32;

export function encodeWeights(weights: Float64Array | Float32Array, scale: number): string {
  let out = '';
  for (const w of weights) out += WEIGHT_ALPHABET[Math.max(0, Math.min(63, Math.round(w / scale) + LEVEL_ZERO))];
  return out;
}

export function decodeWording(header: string, encoded: string): WordingModel {
  const [bitsText, biasText, scaleText] = header.split(' ');
  const bits = Number(bitsText), bias = Number(biasText), scale = Number(scaleText);
  if (!(bits >= 8 && bits <= 24) || !Number.isFinite(bias) || !(scale > 0) || encoded.length !== 1 << bits) {
    throw new Error(`phi: malformed wording model (bits ${bitsText}, ${encoded.length} weights)`);
  }
  const level = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) level[WEIGHT_ALPHABET.charCodeAt(i)] = i;
  const levels = new Int8Array(encoded.length);
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    const l = c < 128 ? level[c] : -1;
    if (l < 0) throw new Error(`phi: malformed wording model (character ${i})`);
    levels[i] = l - LEVEL_ZERO;
  }
  return { bits, bias, scale, levels };
}
