/* testutil.h — what every cmocka test file includes. */
#ifndef HS_TESTUTIL_H
#define HS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
