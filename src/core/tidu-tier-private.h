/* tidu-tier-private.h: the one rule for "a certification holds its tier on a day", for code
 * inside src/core (tidu-firm.c's tier on a date, tidu-stats.c's counts).
 *
 * A certification holds its tier on day D when it is not in the trash, is dated on or before
 * D, its valid_until (docs/adr/0003-certificate-validity.md, written by the core) is empty or
 * on or after D, and it was not revoked on or before D.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The rule as SQL on the firm_tiers row @alias, @day a parameter or expression, e.g.
 * TIDU_TIER_HELD_ON ("ft", "?2"). */
#define TIDU_TIER_HELD_ON(alias, day) \
  alias ".deleted_at IS NULL AND " alias ".certified_on <= " day " " \
  "AND (" alias ".valid_until IS NULL OR " alias ".valid_until >= " day ") " \
  "AND (" alias ".revoked_on IS NULL OR " alias ".revoked_on > " day ")"

/* The same rule in C on the ISO texts of a live row (NULL when the column is NULL); ISO dates
 * compare as text. */
static inline gboolean
tidu_tier_held_on (const char *certified_on,
                   const char *valid_until,
                   const char *revoked_on,
                   const char *day)
{
  return certified_on != NULL && strcmp (certified_on, day) <= 0
         && (valid_until == NULL || strcmp (valid_until, day) >= 0)
         && (revoked_on == NULL || strcmp (revoked_on, day) > 0);
}

G_END_DECLS
