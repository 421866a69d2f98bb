/*
 * ARM error bodies ({"error":{code,message,target,details[],...}}, also the
 * old ML shapes: statusCode instead of code, error.error nested twice) made
 * into one line for people: "Code: message" and the most specific inner
 * detail, the deepest first-listed one.
 */
#ifndef AKSWIZ_AZURE_ARMERROR_H
#define AKSWIZ_AZURE_ARMERROR_H

#include <stdbool.h>

#include "common/err.h"

/*
 * Fill err from an ARM error body and HTTP status (ERR_AUTH for 401, else
 * ERR_SERVICE, 403 included: a refused permission is no failed sign-in; http_status set; retryable for retryable
 * statuses).  err->msg: "Code: message (InnerCode: inner message)";
 * err->detail: the outermost and innermost code and message as received.
 * A body that is not JSON gives "HTTP <status>" and its first line.
 * Always returns false, like err_set().
 */
bool	arm_error_summary(const char *body, long status, struct err *);

#endif
