/*
 * Every action a key can ask for, once, with its help text (tig's
 * request.h).  Keys become requests in keys.c; screens act on requests and
 * list the ones they understand so that "?" can show them.
 */
#ifndef AKSWIZ_TUI_REQUEST_H
#define AKSWIZ_TUI_REQUEST_H

#include "common/i18n.h"

#define REQUEST_TABLE(_) \
	_(NONE,		"",		N_("nothing")) \
	_(UP,		"up",		N_("move up")) \
	_(DOWN,		"down",		N_("move down")) \
	_(PAGE_UP,	"page-up",	N_("move one page up")) \
	_(PAGE_DOWN,	"page-down",	N_("move one page down")) \
	_(LEFT,		"left",		N_("move left or pick the previous choice")) \
	_(RIGHT,	"right",	N_("move right or pick the next choice")) \
	_(HOME,		"home",		N_("go to the start")) \
	_(END,		"end",		N_("go to the end")) \
	_(NEXT_FIELD,	"next-field",	N_("next field (completes a file name)")) \
	_(PREV_FIELD,	"prev-field",	N_("previous field")) \
	_(ENTER,	"enter",	N_("confirm: choose, or go to the next step")) \
	_(BACK,		"back",		N_("go back one step; nothing typed is lost")) \
	_(TOGGLE,	"toggle",	N_("pick the choice under the cursor")) \
	_(INCREASE,	"increase",	N_("one more node")) \
	_(DECREASE,	"decrease",	N_("one node less")) \
	_(BACKSPACE,	"backspace",	N_("delete the character before the cursor")) \
	_(DELETE,	"delete",	N_("delete the character under the cursor")) \
	_(KILL_LINE,	"kill-line",	N_("clear the field or the filter")) \
	_(REDRAW,	"redraw",	N_("redraw the screen")) \
	_(HELP,		"help",		N_("show the keys of this screen")) \
	_(QUIT,		"quit",		N_("quit (asks first when work is unsaved)")) \
	_(SAVE,		"save",		N_("save the plan")) \
	/* TRANSLATORS: help of F4 on a field the workspace has a list for. */ \
	_(PICK,		"pick",		N_("pick from the workspace's list for the field")) \
	_(RESIZE,	"resize",	N_("the terminal changed size")) \
	_(CHAR,		"char",		N_("type text")) \
	/* Open a screen (tui_open(), whose table names its constructor). */ \
	_(OPEN_HOME,	"open-home",	N_("akswiz: Azure ML inference clusters")) \
	_(OPEN_SIGNIN,	"open-signin",	N_("Sign in / account")) \
	_(OPEN_BROWSE,	"open-browse",	N_("Browse clusters")) \
	_(OPEN_SCOPE,	"open-scope",	N_("Choose a workspace")) \
	_(OPEN_CREATE,	"open-create",	N_("create a cluster")) \
	_(OPEN_ATTACH,	"open-attach",	N_("attach a cluster")) \
	/* TRANSLATORS: help of a request that opens the deploy screens. */ \
	_(OPEN_DEPLOY,	"open-deploy",	N_("deploy a model")) \
	/* TRANSLATORS: help of a request that opens the wizard on a plan. */ \
	_(OPEN_PLAN,	"open-plan",	N_("go on with a saved plan")) \
	_(OPEN_REVIEW,	"open-review",	N_("Review the plan")) \
	/* TRANSLATORS: help of a request that opens the progress screen. */ \
	_(OPEN_PROGRESS, "open-progress", N_("follow a submitted plan")) \
	/* TRANSLATORS: help of a request that opens a page of text. */ \
	_(OPEN_TEXT,	"open-text",	N_("show a page of text")) \
	/* Browse's actions on the selected compute (keymap "browse"). */ \
	_(FILTER,	"filter",	N_("filter as you type (! first: rows NOT matching)")) \
	_(SORT,		"sort",		N_("sort by the next column")) \
	_(REFRESH,	"refresh",	N_("refresh now (automatic while a compute changes)")) \
	_(DETACH,	"detach",	N_("detach (the AKS cluster is kept)")) \
	_(SWITCH_LB,	"switch-lb",	N_("switch between public and internal load balancer")) \
	_(CHANGE_TLS,	"change-tls",	N_("change TLS")) \
	_(FINISH,	"finish",	N_("finish what a plan left undone (its update)")) \
	_(DELETE_COMPUTE, "delete-compute", N_("delete a cluster the workspace created")) \
	/* TRANSLATORS: help of browse's scale key. */ \
	_(SCALE,	"scale",	N_("change the node count of the cluster's node pool")) \
	/* TRANSLATORS: help of browse's migrate key (legacy AKS computes). */ \
	_(MIGRATE,	"migrate",	N_("migrate a legacy AKS compute to today's path")) \
	/* The endpoints screen (screen-endpoints.c). */ \
	/* TRANSLATORS: help of browse's e key on a Kubernetes compute. */ \
	_(OPEN_ENDPOINTS, "open-endpoints", N_("the compute's online endpoints and deployments")) \
	_(ENDPOINT_KEYS, "endpoint-keys", N_("the endpoint's keys or token (masked)")) \
	_(INVOKE,	"invoke",	N_("send a request to the endpoint's scoring URI")) \
	_(LOGS,		"logs",		N_("the deployment's container logs")) \
	_(REVEAL,	"reveal",	N_("show or hide the keys")) \
	_(REGEN_PRIMARY, "regenerate-primary", N_("regenerate the primary key (asks first)")) \
	_(REGEN_SECONDARY, "regenerate-secondary", N_("regenerate the secondary key (asks first)")) \
	/* TRANSLATORS: help of the logs' f key. */ \
	_(FOLLOW,	"follow",	N_("follow the logs (read them again every few seconds)")) \
	_(SCALE_DEPLOYMENT, "scale-deployment", N_("change a deployment's instance count or autoscale bounds")) \
	_(TRAFFIC,	"traffic",	N_("change the endpoint's traffic split")) \
	_(DELETE_ENDPOINT, "delete-endpoint", N_("delete a deployment or an endpoint (asks for its name)"))

#define REQUEST_ENUM(id, name, help) REQ_##id,
enum request {
	REQUEST_TABLE(REQUEST_ENUM)
	REQ__COUNT
};
#undef REQUEST_ENUM

#endif
