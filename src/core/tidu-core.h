/* tidu-core.h: everything the UI, the CLI and the tests use from libtidu-core.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-error.h"
#include "tidu-money.h"
#include "tidu-date.h"
#include "tidu-uscc.h"
#include "tidu-database.h"
#include "tidu-vocabulary.h"
#include "tidu-validation.h"
#include "tidu-record.h"

#include "tidu-list.h"
#include "tidu-search.h"
#include "tidu-talent-plan.h"
#include "tidu-talent.h"
#include "tidu-bulk.h"
#include "tidu-sample.h"
#include "tidu-region.h"
#include "tidu-firm.h"
#include "tidu-carrier.h"
#include "tidu-snapshot.h"
#include "tidu-merge.h"
#include "tidu-csv.h"
#include "tidu-import.h"
#include "tidu-export.h"
