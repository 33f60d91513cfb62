import { directLoginHeaderValue, parseDirectLoginParameters } from './direct-login-header';

describe('DirectLogin header parsing', () => {
  it('reads the four known keys, trimming and unquoting', () => {
    expect(parseDirectLoginParameters('username=jane, password="Secret-123!", consumer_key=abc')).toEqual({
      username: 'jane',
      password: 'Secret-123!',
      consumer_key: 'abc',
    });
  });

  it('strips a leading DirectLogin word and splits on the first "="', () => {
    expect(parseDirectLoginParameters('DirectLogin token=a.b=c')).toEqual({ token: 'a.b=c' });
  });

  it('drops unknown keys, empty values and parts without "="', () => {
    expect(parseDirectLoginParameters('username=, foo=bar, junk, consumer_key=k')).toEqual({ consumer_key: 'k' });
  });

  it('prefers the DirectLogin header and accepts the deprecated Authorization form', () => {
    expect(directLoginHeaderValue({ directlogin: 'token=a', authorization: 'DirectLogin token=b' })).toBe('token=a');
    expect(directLoginHeaderValue({ authorization: 'DirectLogin token=b' })).toBe('DirectLogin token=b');
    expect(directLoginHeaderValue({ authorization: 'Bearer x' })).toBeUndefined();
  });
});
