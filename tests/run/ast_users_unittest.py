# unittest (which imports ast through inspect/difflib users): a small TestCase run with a StringIO stream
import io
import re
import unittest

class T(unittest.TestCase):
    def setUp(self):
        self.items = [1, 2]
    def test_ok(self):
        self.assertEqual(sum(self.items), 3)
        self.assertIn(2, self.items)
        with self.assertRaises(ZeroDivisionError):
            1 / 0
    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])
    def test_error(self):
        {}['missing']
    @unittest.skip('not today')
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = runner.run(suite)
print(re.sub(r'in \d+\.\d+s', 'in Xs', stream.getvalue()))
print(result.testsRun, result.wasSuccessful(), len(result.failures), len(result.errors),
      len(result.skipped), len(result.expectedFailures))
