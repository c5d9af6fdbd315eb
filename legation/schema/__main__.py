import sys

from legation.schema import main

sys.exit(main())
