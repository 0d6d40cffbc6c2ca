"""The bundled stop word list is scikit-learn's, so leaving scikit-learn out of start-up changes nothing."""

import subprocess
import sys

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from newsprism.text.stopwords import ENGLISH_STOP_WORDS


def test_bundled_stop_words_equal_scikit_learns_list():
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS


def test_command_help_does_not_import_scikit_learn():
    code = "import sys; from newsprism.cli import build_parser; build_parser(); print('sklearn' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
