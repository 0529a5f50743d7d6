/* Material 9.8.1's two inline scripts (partials/javascripts/base.html and content.html),
   moved to a file so the site needs no 'unsafe-inline' in its Content-Security-Policy.
   The scope is the site root: this file lives two folders below it (assets/javascripts/). */
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
document.addEventListener("DOMContentLoaded",function(){var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))});
