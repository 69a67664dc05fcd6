/* fuzz-util.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the fuzz harnesses share.
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stddef.h>

G_BEGIN_DECLS

int         LLVMFuzzerTestOneInput  (const uint8_t *data,
                                     size_t         size);

void        fuzz_init               (void);
const char *fuzz_write_temp_file    (const uint8_t *data,
                                     size_t         size);
void        fuzz_check_utf8         (const char    *what,
                                     const char    *text);
void        fuzz_check_utf8_strv    (const char    *what,
                                     char         **strv);

G_END_DECLS
