/* test-date-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates in words: only as precise as they are known, and text that is not a date as it is.
 */

#include "config.h"

#include <locale.h>

#include "atlas-date-words.h"

static void
check (char       *text,
       const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_long (void)
{
  check (atlas_date_words ("2024-01-03", NULL), "3 January 2024");
  check (atlas_date_words ("2024-01", "month"), "January 2024");
  check (atlas_date_words ("2024", "year"), "2024");
  check (atlas_date_words ("2024-01-03", "approximate"), "about 3 January 2024");
  check (atlas_date_words ("2024-01-03T10:00:00Z", NULL), "3 January 2024");
  check (atlas_date_words ("early January", NULL), "early January");
  check (atlas_date_words ("2024-02-30", NULL), "2024-02-30");
  check (atlas_date_words ("", NULL), NULL);
  check (atlas_date_words (NULL, NULL), NULL);
}

static void
test_short (void)
{
  check (atlas_date_words_short ("2023-12-13"), "13 Dec 2023");
  check (atlas_date_words_short ("2023-12"), "Dec 2023");
  check (atlas_date_words_short (NULL), NULL);
}

/* A range needs both ends; the same day twice is one day. */
static void
test_short_range (void)
{
  check (atlas_date_words_short_range ("2023-12-13", "2024-01-03"), "13 Dec 2023 – 3 Jan 2024");
  check (atlas_date_words_short_range ("2024-01-03", "2024-01-03"), "3 Jan 2024");
  check (atlas_date_words_short_range (NULL, "2024-01-03"), NULL);
  check (atlas_date_words_short_range ("2023-12-13", ""), NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* the words checked are the untranslated ones */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/date-words/long", test_long);
  g_test_add_func ("/atlas/date-words/short", test_short);
  g_test_add_func ("/atlas/date-words/short-range", test_short_range);

  return g_test_run ();
}
