import { nextQuestionId, splitLines, splitOptions } from './utils'

describe('admission settings helpers', () => {
  it('picks a question id not in use', () => {
    expect(nextQuestionId([])).toBe('q1')
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q2' }])).toBe('q3')
    expect(nextQuestionId([{ id: 'q2' }])).toBe('q3')
    expect(nextQuestionId([{ id: 'source' }])).toBe('q2')
  })

  it('splits options on Chinese and ASCII commas and 、', () => {
    expect(splitOptions(' 每周，每月、偶尔, ,')).toEqual(['每周', '每月', '偶尔'])
  })

  it('splits reason templates by line', () => {
    expect(splitLines('介绍不完整\n\n  名额已满 \n')).toEqual(['介绍不完整', '名额已满'])
  })
})
