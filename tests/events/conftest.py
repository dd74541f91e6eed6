import sys
from pathlib import Path

# the hand-built fixtures of handmade.py, importable by the tests beside it (importlib mode)
sys.path.insert(0, str(Path(__file__).parent))
