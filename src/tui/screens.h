/*
 * The screens' constructors, for the one table in tui.c that maps an
 * open request (REQ_OPEN_BROWSE ...) to the screen it opens.  Only tui.c
 * includes this: a screen opens another with tui_open() and never calls
 * its constructor, as tig's views are opened by requests.
 */
#ifndef AKSWIZ_TUI_SCREENS_H
#define AKSWIZ_TUI_SCREENS_H

struct tui;
struct open_request;
struct live_run;
struct wizard;

void	screen_home_open(struct tui *, const struct open_request *);
void	screen_signin_open(struct tui *, const struct open_request *);
void	screen_browse_open(struct tui *, const struct open_request *);
void	screen_scope_open(struct tui *, const struct open_request *);
void	screen_wizard_open(struct tui *, const struct open_request *);
void	screen_deploy_open(struct tui *, const struct open_request *);
void	screen_review_open(struct tui *, const struct open_request *);
void	screen_text_open(struct tui *, const struct open_request *);
/* A Kubernetes compute's online endpoints (open_request.compute). */
void	screen_endpoints_open(struct tui *, const struct open_request *);
/* Follow a submitted plan (takes over run, a struct live_run). */
void	screen_progress_push(struct tui *, struct live_run *, struct wizard *);

#endif
