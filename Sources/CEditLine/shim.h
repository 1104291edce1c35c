// Exposes libedit's native API (<histedit.h>) to Swift. <stdio.h> must come first: histedit.h uses FILE.
#include <stdio.h>
#include <histedit.h>
