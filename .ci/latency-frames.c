/*
 * latency-frames: counts the frames a window draws (X DAMAGE events, those
 * closer than 3 ms together counted as one frame) over SECONDS; with a
 * third argument it prints each frame's time in ms. Used by .ci/latency
 * when the Xdamage headers are installed (libxdamage-dev):
 * cc -O2 -o frames latency-frames.c -lX11 -lXdamage
 * Usage: latency-frames WINDOW SECONDS [v]
 */
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <time.h>
static double now_ms(void){struct timespec ts;clock_gettime(CLOCK_MONOTONIC,&ts);return ts.tv_sec*1e3+ts.tv_nsec/1e6;}
int main(int argc,char**argv){
  Display*d=XOpenDisplay(NULL); Window w=strtoul(argv[1],0,0); double secs=atof(argv[2]);
  int ev,er; XDamageQueryExtension(d,&ev,&er);
  Damage dm=XDamageCreate(d,w,XDamageReportRawRectangles); XSync(d,False);
  double start=now_ms(), last=-100; int frames=0, events=0; double end=start+secs*1000;
  int fd=ConnectionNumber(d);
  while(now_ms()<end){
    while(XPending(d)){XEvent e;XNextEvent(d,&e); if(e.type==ev+XDamageNotify){events++; double t=now_ms(); if(t-last>3){frames++; if(argc>3) printf("%.0f\n",t-start);} last=t; XDamageSubtract(d,dm,None,None);} }
    fd_set r;FD_ZERO(&r);FD_SET(fd,&r);struct timeval tv={0,20000};select(fd+1,&r,0,0,&tv);
  }
  printf("frames %d events %d in %.0f s\n",frames,events,secs);
}
