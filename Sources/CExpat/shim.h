// The expat XML parser (https://libexpat.github.io), used by XLSXReader only.
#include <expat.h>
