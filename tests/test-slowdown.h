/* test-slowdown.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* How many times longer the UI tests' guards against hangs wait. The sanitized build
 * (build-aux/test-sanitized) unwinds a stack for every allocation and runs many times
 * slower than the plain one; GCC defines __SANITIZE_ADDRESS__ there. */
#ifdef __SANITIZE_ADDRESS__
# define TEST_SLOWDOWN 10
#else
# define TEST_SLOWDOWN 1
#endif
