/*
 * The detectors' thresholds, in one place so an explanation and a test can quote them. Money
 * thresholds are relative (a median, a percentile), so they hold in any currency.
 */

/** History is what happened in the year before a transaction: older habits say little about today. */
export const LOOKBACK_DAYS = 365;
/** At most this many of a payee's or category's latest expenses: enough for a stable median, bounded work per transaction. */
export const MAX_HISTORY = 100;

/** 0.6745 (the normal distribution's MAD per standard deviation) in ten-thousandths. */
export const MAD_CONSISTENCY_TEN_THOUSANDTHS = 6745n;
/** Iglewicz and Hoaglin's cut-off for the modified z-score, in tenths: 3.5. */
export const MODIFIED_Z_THRESHOLD_TENTHS = 35n;
/**
 * Below this many earlier expenses a payee's median and MAD swing with every visit (seven restaurant
 * bills can happen to lie close together); the category is asked instead.
 */
export const MIN_PAYEE_HISTORY = 10;
export const MIN_CATEGORY_HISTORY = 12;
/**
 * The smallest MAD a score divides by: 10 % of the median. A payee that always charges the same
 * has a MAD of zero, and without a floor a single cent more would be "infinitely" unusual; with
 * it, an amount must be about 50 % above such a median to count.
 */
export const MAD_FLOOR_PERCENT = 10n;

/** Two charges of the same amount at the same merchant this many days apart or closer. */
export const DUPLICATE_WINDOW_DAYS = 2;
/**
 * A merchant where such pairs already happened this often in the year is one the user pays the
 * same amount twice in a row at by habit (a daily coffee, a toll), not one that double-charged.
 */
export const HABITUAL_DUPLICATE_PAIRS = 2;

/** A first payment to a payee above this percentile of the user's expenses in the year... */
export const NEW_PAYEE_PERCENTILE = 95;
/** ...once there are this many expenses to take a percentile of... */
export const MIN_NEW_PAYEE_HISTORY = 30;
/** ...reaching back this many days: in the first weeks of a history every payee is "new", the yearly bills included. */
export const MIN_NEW_PAYEE_HISTORY_DAYS = 90;

/** A category's month is a spike above this multiple of the median of its previous months... */
export const SPIKE_MULTIPLE = 2n;
/** ...out of the previous six months the category existed in, at least three of them... */
export const SPIKE_TRAILING_MONTHS = 6;
export const MIN_SPIKE_TRAILING_MONTHS = 3;
/**
 * ...and when its spending is above that median by at least this share of the user's median month
 * of all expenses over the same months: a concert ticket doubles a small category's month, but
 * only a change that matters to the user's budget is worth an alert.
 */
export const MIN_SPIKE_EXCESS_PERCENT_OF_SPENDING = 10n;
