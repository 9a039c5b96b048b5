// Measures what okrportal's history reading needs from libgit2: walk all commits from HEAD,
// diff each against its parent limited to content/objectives with rename detection, and read
// every new blob. Prints commits, changed entries and bytes read.
#include <git2.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){
  git_libgit2_init();
  git_repository*repo; if(git_repository_open_ext(&repo,argv[1],0,NULL)){fprintf(stderr,"open: %s\n",git_error_last()->message);return 1;}
  double t0=now();
  git_revwalk*w; git_revwalk_new(&w,repo); git_revwalk_sorting(w,GIT_SORT_TOPOLOGICAL|GIT_SORT_TIME); git_revwalk_push_head(w);
  git_oid oid; long commits=0,entries=0; size_t bytes=0; long blobs=0;
  git_oid *ids=NULL; size_t nids=0,cap=0;
  char*spec="content/objectives"; git_strarray ps={&spec,1};
  while(!git_revwalk_next(&oid,w)){
    git_commit*c; git_commit_lookup(&c,repo,&oid); commits++;
    if(git_commit_parentcount(c)>1){git_commit_free(c);continue;}
    git_tree*t=NULL,*pt=NULL; git_commit_tree(&t,c);
    if(git_commit_parentcount(c)==1){git_commit*p;git_commit_parent(&p,c,0);git_commit_tree(&pt,p);git_commit_free(p);}
    git_diff_options o=GIT_DIFF_OPTIONS_INIT; o.pathspec=ps;
    git_diff*d; git_diff_tree_to_tree(&d,repo,pt,t,&o);
    git_diff_find_options fo=GIT_DIFF_FIND_OPTIONS_INIT; fo.flags=GIT_DIFF_FIND_RENAMES; git_diff_find_similar(d,&fo);
    size_t n=git_diff_num_deltas(d);
    for(size_t i=0;i<n;i++){const git_diff_delta*dl=git_diff_get_delta(d,i); entries++;
      if(dl->status==GIT_DELTA_DELETED)continue;
      if(nids==cap){cap=cap?cap*2:1024;ids=realloc(ids,cap*sizeof(git_oid));}
      ids[nids++]=dl->new_file.id;}
    git_diff_free(d); git_tree_free(t); if(pt)git_tree_free(pt); git_commit_free(c);
  }
  double t1=now();
  for(size_t i=0;i<nids;i++){git_blob*b; if(git_blob_lookup(&b,repo,&ids[i]))continue; bytes+=git_blob_rawsize(b); blobs++; git_blob_free(b);}
  double t2=now();
  printf("libgit2 %s: %ld commits, %ld entries, %ld blobs, %zu bytes; walk+diff %.3f s, blobs %.3f s, total %.3f s\n",
    LIBGIT2_VERSION,commits,entries,blobs,bytes,t1-t0,t2-t1,t2-t0);
  return 0;}
